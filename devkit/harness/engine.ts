/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { Container } from '@n8n/di';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
	BinaryDataConfig,
	BinaryDataService,
	ExecutionLifecycleHooks,
	PackageDirectoryLoader,
	SupplyDataContext,
	WorkflowExecute,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import corePackage from 'n8n-core/package.json';
import type {
	ExecutionError,
	IBinaryData,
	ICredentialType,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';
import workflowPackage from 'n8n-workflow/package.json';

import { InMemoryCredentialsHelper } from './credentialsHelper';
import { ItemSource, pendingItems, SOURCE_NODE_TYPE, type SourceItem } from './sourceNode';

export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const NODE_TYPE = 'n8n-nodes-wavespeed-image-edit.waveSpeedImageEdit';
export const CREDENTIAL_TYPE = 'waveSpeedApi';

/** The engine under test: the project's n8n-core 2.x, or the one jest.config.js maps in. */
export const ENGINE = {
	core: corePackage.version,
	workflow: workflowPackage.version,
	major: Number(workflowPackage.version.split('.')[0]),
};

interface LoadedPackage {
	nodeTypes: INodeTypes;
	credentialTypes: Record<string, ICredentialType>;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Loads the built package the way n8n does (package.json "n8n" field → dist/). */
export function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const types: Record<string, INodeType | IVersionedNodeType> = {
			[SOURCE_NODE_TYPE]: new ItemSource(),
		};
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
			types[`${loader.packageName}.${name}`] = type;
			// As n8n registers a `usableAsTool` node for AI Agents, the same node under "<name>Tool"
			// (its main input and output kept, so Item Source feeds it and the run shows its items).
			if ('description' in type && type.description.usableAsTool) {
				const description = { ...type.description, name: `${name}Tool` };
				const tool: INodeType = Object.assign(Object.create(type) as INodeType, { description });
				types[`${loader.packageName}.${name}Tool`] = tool;
			}
		}
		const credentialTypes: Record<string, ICredentialType> = {};
		for (const [name, { type }] of Object.entries(loader.credentialTypes))
			credentialTypes[name] = type;
		const nodeTypes: INodeTypes = {
			getByName: (name) => types[name],
			getByNameAndVersion: (name, version) => {
				const type = types[name];
				return 'nodeVersions' in type ? type.nodeVersions[version ?? type.currentVersion] : type;
			},
			getKnownTypes: () => ({}),
		};
		return { nodeTypes, credentialTypes };
	})();
	return loaded;
}

let binaryModeReady: Promise<void> | undefined;

/** Switches n8n's binary store to its filesystem mode (files under N8N_USER_FOLDER), once. */
export function useFilesystemBinaryMode(): Promise<void> {
	// n8n 2.x's configuration defaults to this mode; 1.x's to memory ('default').
	Container.get(BinaryDataConfig).mode = 'filesystem';
	binaryModeReady ??= Container.get(BinaryDataService).init();
	return binaryModeReady;
}

/** Stores a file in n8n's binary store ahead of a run, as an earlier execution would have. */
export async function storeBinary(
	bytes: Buffer,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await Container.get(BinaryDataService).store(
		{ type: 'execution', workflowId: 'test-workflow', executionId: 'prepared' },
		bytes,
		{ data: '', fileName, mimeType },
	);
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: SourceItem[];
	credentials?: { apiKey: string; baseUrl: string };
	continueOnFail?: boolean;
	/** n8n's node settings, e.g. Retry On Fail: `{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }`. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** Called once the run has started, with a function that cancels it. */
	onStart?: (cancel: () => void) => void;
	/** Runs the node as an AI Agent's tool would (its type `…Tool`), fed by Item Source. */
	asTool?: boolean;
	/**
	 * Several branches feeding the node, one after another in one execution (as two branches, a
	 * loop or an agent's repeated calls do): the node runs once per branch, with that branch's
	 * items. `items` is then the first branch's.
	 */
	branches?: SourceItem[][];
}

export interface RunResult {
	/** The WaveSpeed node's output items (empty when it failed). */
	items: INodeExecutionData[];
	error?: ExecutionError;
	/** Each run of the node in the execution: its items, or its error. */
	runs: Array<{ items: INodeExecutionData[]; error?: ExecutionError }>;
	run: IRun;
	binaryBuffer(item: INodeExecutionData, field?: string): Promise<Buffer>;
}

export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: InMemoryCredentialsHelper,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		executionId: randomUUID(),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		encryptedRunnerIdentity: undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used here');
		},
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used here');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs Item Source → WaveSpeed Image Edit through n8n-core's real engine. */
export async function runImageEdit(options: RunOptions): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const runIds: string[] = [];
	const sourceNode = (name: string, items: SourceItem[]): INode => {
		const runId = randomUUID();
		runIds.push(runId);
		pendingItems.set(runId, items);
		return {
			id: name,
			name,
			type: SOURCE_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { run: runId },
		};
	};
	const source = sourceNode(
		'Item Source',
		options.branches ? [{ json: {} }] : (options.items ?? [{ json: {} }]),
	);
	const branches = (options.branches ?? []).map((items, n) => sourceNode(`Branch ${n + 1}`, items));
	const edit: INode = {
		id: 'edit',
		name: 'WaveSpeed Image Edit',
		type: options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'WaveSpeed account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.settings,
	};
	const toEdit = [{ node: edit.name, type: 'main' as const, index: 0 }];
	const connections = branches.length
		? {
				'Item Source': {
					main: [branches.map(({ name }) => ({ node: name, type: 'main' as const, index: 0 }))],
				},
				...Object.fromEntries(branches.map(({ name }) => [name, { main: [toEdit] }])),
			}
		: { 'Item Source': { main: [toEdit] } };
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [source, ...branches, edit],
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', randomUUID(), {
		id: 'test-workflow',
		name: 'test',
		nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const credentials = options.credentials ?? { apiKey: '', baseUrl: '' };
	const helper = new InMemoryCredentialsHelper(credentialTypes, { [CREDENTIAL_TYPE]: credentials });
	const executionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: source, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(buildAdditionalData(hooks, helper), 'manual', executionData);
	let running: ReturnType<WorkflowExecute['processRunExecutionData']>;
	try {
		running = execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses a workflow whose static parameters are invalid before it runs anything.
		runIds.forEach((id) => pendingItems.delete(id));
		return {
			items: [],
			error: error as ExecutionError,
			runs: [],
			run: undefined as unknown as IRun,
			binaryBuffer: async () => Buffer.alloc(0),
		};
	}
	options.onStart?.(() => running.cancel());
	try {
		await running;
	} catch {
		// A cancelled run rejects here; its data still arrives through workflowExecuteAfter.
	}
	const run = await finished;
	runIds.forEach((id) => pendingItems.delete(id));
	// n8n-core 1.x's SSH client pool, made for every node run, keeps an interval that holds the
	// process (a Jest worker) open; 2.x unrefs it.
	(
		Container.get(SSHClientsManager) as unknown as { cleanupTimer: NodeJS.Timeout }
	).cleanupTimer.unref();
	const runs = (run.data.resultData.runData[edit.name] ?? []).map((taskData) => ({
		items: taskData.data?.main?.[0] ?? [],
		error: taskData.error,
	}));
	return {
		items: runs[0]?.items ?? [],
		error: runs[0]?.error ?? run.data.resultData.error,
		runs,
		run,
		binaryBuffer: async (item, field = 'data') =>
			await Container.get(BinaryDataService).getAsBuffer(item.binary![field]),
	};
}

/**
 * One tool call as n8n-core makes it for the node the tool serves (makeHandleToolInvocation, as
 * for an MCP Server Trigger or an agent before version 3): the WaveSpeed node as `…Tool` in a
 * SupplyDataContext whose parentNode and execute data are that node's, the call's arguments as
 * its ai_tool input. Resolves to the node's items, or rejects with what it threw.
 */
export async function callAsToolOf(
	parentType: string,
	options: Pick<RunOptions, 'parameters' | 'credentials'> & { args?: INodeExecutionData['json'] },
): Promise<INodeExecutionData[]> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const tool: INode = {
		id: 'tool',
		name: 'WaveSpeed Image Edit',
		type: `${NODE_TYPE}Tool`,
		typeVersion: 1,
		position: [0, 200],
		parameters: options.parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'WaveSpeed account' } },
	};
	const parent: INode = {
		id: 'parent',
		name: 'Caller',
		type: parentType,
		typeVersion: 2,
		position: [200, 0],
		parameters: {},
	};
	// The caller stays out of the workflow: its node type is n8n's, not loaded here.
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [tool],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('webhook', randomUUID(), {
		id: 'test-workflow',
		name: 'test',
		nodes: [tool],
		connections: {},
		active: false,
	} as never);
	const credentials = options.credentials ?? { apiKey: '', baseUrl: '' };
	const helper = new InMemoryCredentialsHelper(credentialTypes, { [CREDENTIAL_TYPE]: credentials });
	const input = [{ json: {} }];
	const context = new SupplyDataContext(
		workflow,
		tool,
		buildAdditionalData(hooks, helper),
		'webhook',
		createRunExecutionData(),
		0,
		input,
		{},
		NodeConnectionTypes.AiTool,
		{ node: parent, data: { main: [input] }, source: null },
		[],
		undefined,
		parent,
	);
	context.addInputData(NodeConnectionTypes.AiTool, [[{ json: options.args ?? {} }]]);
	const nodeType = nodeTypes.getByNameAndVersion(tool.type, tool.typeVersion);
	const result = await nodeType.execute!.call(context as never);
	return (result as INodeExecutionData[][])[0];
}
