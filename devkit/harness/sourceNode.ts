/* eslint-disable @n8n/community-nodes/node-usable-as-tool -- dev-only code, not in the published package */
import type {
	IBinaryData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const SOURCE_NODE_TYPE = 'test.itemSource';

export interface SourceItem {
	json?: Record<string, unknown>;
	/** Files to store through n8n, or binary data n8n already stored (`stored`), passed on as is. */
	binary?: Record<
		string,
		{ bytes: Buffer; mimeType: string; fileName?: string } | { stored: IBinaryData }
	>;
}

/** Items handed to the source node by the harness, keyed by run, so buffers need no JSON trip. */
export const pendingItems = new Map<string, SourceItem[]>();

/**
 * Stands in for the nodes before ours (a webhook, Read Files…): emits the given items, storing
 * their files through n8n's own prepareBinaryData, so they live in the configured binary mode.
 */
export class ItemSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['input'],
		version: 1,
		description: 'Test-only: emits prepared items',
		defaults: { name: 'Item Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Run', name: 'run', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = pendingItems.get(this.getNodeParameter('run', 0) as string) ?? [];
		const out: INodeExecutionData[] = [];
		for (const item of items) {
			const binary: INodeExecutionData['binary'] = {};
			for (const [name, file] of Object.entries(item.binary ?? {})) {
				binary[name] =
					'stored' in file
						? file.stored
						: await this.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType);
			}
			out.push({
				json: (item.json ?? {}) as INodeExecutionData['json'],
				binary,
				pairedItem: { item: 0 },
			});
		}
		return [out];
	}
}
