import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { isHttpUrl } from '../transport/client';

/**
 * True when the node runs as an AI Agent's tool: n8n wraps a `usableAsTool` node into a node
 * type of its own whose name ends in "Tool" (n8n 1.x and 2.x alike).
 */
export function runsAsTool(node: Pick<INode, 'type'>): boolean {
	return node.type.endsWith('Tool');
}

/** The MCP Server Trigger's node type (n8n 1.x and 2.x). */
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** What n8n-core's context of a tool call (its SupplyDataContext) tells of the node it serves. */
interface ToolCallContext {
	/** The MCP Server Trigger or agent that calls the tool; unset in an agent's engine request. */
	readonly parentNode?: Pick<INode, 'type'>;
	getExecuteData?(): { node?: Pick<INode, 'type'> } | undefined;
}

/**
 * True when a tool's failure is thrown rather than answered as an error item: the node runs as a
 * tool of the MCP Server Trigger, which hands a thrown error to the MCP client as `isError: true`
 * and keeps the session (n8n 1.x and 2.x), but an error item as a successful result. An AI
 * Agent's tool keeps the item: n8n 1.x, and 2.x before n8n-core 2.25, end the whole chat when an
 * agent's tool throws, agents before version 3 give the model an empty result instead of the
 * error, and the node cannot tell those cases apart from its context.
 * The trigger is the context's `parentNode` (n8n-core 1.x and 2.x; also in a 2.x queue-mode
 * worker), or else the node whose execute data the context carries.
 */
export function throwsToolErrors(ctx: IExecuteFunctions): boolean {
	const context = ctx as unknown as ToolCallContext;
	const parent = context.parentNode ?? context.getExecuteData?.()?.node;
	return parent?.type === MCP_TRIGGER_TYPE;
}

/** What the model gets for one task: what it needs to answer, or to look the task up later. */
export interface ToolAnswer extends IDataObject {
	/** The task id, for Get Result when the task was not finished yet. */
	id: string | null;
	status: string | null;
	/** The first edited image's address; null while the task runs or when it came back inline. */
	imageUrl: string | null;
	/** Every image's address, only when the task made more than one. */
	imageUrls?: string[];
	seed: number | null;
	size: string | null;
	cost: number | null;
	currency: string | null;
	/** WaveSpeed's NSFW flag for that first image; null without one. */
	nsfw: boolean | null;
	/** WaveSpeed's reason, for a task that ended without completing. */
	error?: string;
}

const stringOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const numberOr = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The compact answer built from the item JSON the node gives a workflow (task/outputItem.ts
 * `taskJson`): an agent needs the image's address, not the task's timings, result URL or bytes.
 */
export function toolAnswer(json: IDataObject): ToolAnswer {
	const outputs = Array.isArray(json.outputs) ? json.outputs : [];
	const urls = outputs.filter((o): o is string => typeof o === 'string' && isHttpUrl(o));
	const imageUrl = typeof outputs[0] === 'string' && isHttpUrl(outputs[0]) ? outputs[0] : null;
	const flags = json.hasNsfwContents;
	const answer: ToolAnswer = {
		id: stringOr(json.id),
		status: stringOr(json.status),
		imageUrl,
		seed: numberOr(json.seed),
		size: stringOr(json.size),
		cost: numberOr(json.cost),
		currency: stringOr(json.currency),
		nsfw: imageUrl === null ? null : Boolean(Array.isArray(flags) ? flags[0] : flags),
	};
	if (urls.length > 1) answer.imageUrls = urls;
	if (typeof json.error === 'string') answer.error = json.error;
	return answer;
}
