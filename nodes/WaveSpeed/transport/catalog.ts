import type { RequestSchema, SchemaProperty } from '../models';
import { ENDPOINTS, type WaveSpeedClient } from './client';

/** One model of WaveSpeed's catalog, as its CLI, MCP server and desktop app read it. */
export interface CatalogEntry {
	id: string;
	name: string;
	description: string;
	/** e.g. `image-to-image`, `text-to-image`, `image-to-video`, `text-to-text`. */
	type: string;
	basePrice?: number;
	sortOrder: number;
	schema: RequestSchema;
}

interface LiveModel {
	model_id?: unknown;
	name?: unknown;
	description?: unknown;
	type?: unknown;
	base_price?: unknown;
	sort_order?: unknown;
	api_schema?: {
		api_schemas?: Array<{ type?: unknown; request_schema?: Record<string, unknown> }>;
	};
}

/**
 * A catalog entry from WaveSpeed's answer; undefined when it has no usable `model_run` schema. The
 * desktop app and ComfyUI pick the `api_schemas` entry whose type is `model_run`; WaveSpeed's CLI
 * reads `api_schemas[0].request_schema` ("live api_schema has api_schemas[0].request_schema").
 */
function entryOf(live: LiveModel): CatalogEntry | undefined {
	if (typeof live?.model_id !== 'string' || live.model_id === '') return undefined;
	const schemas = live.api_schema?.api_schemas ?? [];
	const run = schemas.find((s) => s?.type === 'model_run') ?? schemas[0];
	const request = run?.request_schema;
	const properties = request?.properties;
	if (!properties || typeof properties !== 'object') return undefined;
	const required = Array.isArray(request.required) ? request.required.map(String) : [];
	const order = Array.isArray(request['x-order-properties'])
		? (request['x-order-properties'] as unknown[]).map(String)
		: [];
	const names = Object.keys(properties);
	return {
		id: live.model_id,
		name: typeof live.name === 'string' && live.name ? live.name : live.model_id,
		description: typeof live.description === 'string' ? live.description : '',
		type: typeof live.type === 'string' ? live.type : '',
		basePrice: typeof live.base_price === 'number' ? live.base_price : undefined,
		sortOrder: typeof live.sort_order === 'number' ? live.sort_order : 0,
		schema: {
			properties: properties as Record<string, SchemaProperty>,
			required,
			// The listed order first, then any property it leaves out.
			order: [
				...order.filter((n) => names.includes(n)),
				...names.filter((n) => !order.includes(n)),
			],
		},
	};
}

/**
 * WaveSpeed's model catalog, `GET /api/v3/models` → `{code, message, data: [Model…]}`: one list,
 * fetched with the API key. WaveSpeed's CLI and MCP server use it as their only model source
 * (WaveSpeedAI/wavespeed-cli and WaveSpeedAI/mcp-server, `src/lib/api.ts` `fetchModels`).
 */
export async function fetchCatalog(client: WaveSpeedClient): Promise<CatalogEntry[]> {
	const data = await client.call<unknown>({
		method: 'GET',
		path: ENDPOINTS.models,
		timeoutMs: 30_000,
	});
	if (!Array.isArray(data)) {
		throw client.fail('badResponse', "WaveSpeed's model catalog (GET /api/v3/models) gave no list");
	}
	return data.flatMap((live) => entryOf(live as LiveModel) ?? []);
}
