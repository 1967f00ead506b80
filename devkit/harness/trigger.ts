/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialType,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { InMemoryCredentialsHelper } from './credentialsHelper';
import { buildAdditionalData, CREDENTIAL_TYPE, loadPackage } from './engine';

export const TRIGGER_TYPE = 'n8n-nodes-wavespeed-image-edit.waveSpeedTrigger';

export interface TriggerOptions {
	parameters?: INodeParameters;
	credentials: { apiKey: string; baseUrl: string };
}

/** What one POST to the trigger did: the answer it got, and the items of the execution it started. */
export interface TriggerCall {
	status: number;
	started?: INodeExecutionData[];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * The WaveSpeed Trigger behind a real HTTP server on 127.0.0.1, run the way n8n runs a webhook:
 * n8n-core's WebhookContext over the request (with n8n's `rawBody`) and the response; the items
 * it returns are what n8n would start an execution with.
 */
export class TriggerHarness {
	url = '';

	readonly calls: TriggerCall[] = [];

	private readonly events = new EventEmitter();

	private server?: Server;

	private constructor(
		private readonly workflow: Workflow,
		private readonly node: INode,
		private readonly nodeType: INodeType,
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly credentials: TriggerOptions['credentials'],
	) {}

	static async start(options: TriggerOptions): Promise<TriggerHarness> {
		const { nodeTypes, credentialTypes } = await loadPackage();
		const node: INode = {
			id: 'trigger',
			name: 'WaveSpeed Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: options.parameters ?? {},
			credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'WaveSpeed account' } },
		};
		const workflow = new Workflow({
			id: 'trigger-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1) as INodeType;
		const harness = new TriggerHarness(
			workflow,
			workflow.getNode(node.name)!,
			nodeType,
			credentialTypes,
			options.credentials,
		);
		harness.server = createServer((req, res) => {
			void harness.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500).end(error.message);
				harness.calls.push({ status: 500 });
				harness.events.emit('call');
			});
		});
		await new Promise<void>((resolve) => harness.server!.listen(0, '127.0.0.1', resolve));
		harness.url = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}/webhook/${node.webhookId}/webhook`;
		return harness;
	}

	/** The executions started so far: one list of items each. */
	get started(): INodeExecutionData[][] {
		return this.calls.flatMap((call) => (call.started ? [call.started] : []));
	}

	/** Resolves once `count` POSTs were fully handled (answered, and their items built). */
	async handled(count: number): Promise<void> {
		while (this.calls.length < count)
			await new Promise((resolve) => this.events.once('call', resolve));
	}

	/**
	 * Activates the trigger as n8n does when the workflow is published: `checkExists`, then
	 * `create` when it says the webhook does not exist yet.
	 */
	async activate(): Promise<boolean> {
		const context = new HookContext(
			this.workflow,
			this.node,
			this.additionalData(),
			'trigger',
			'create',
			{
				httpMethod: 'POST',
				node: this.node.name,
				path: 'webhook',
				webhookDescription: this.nodeType.description.webhooks![0],
				workflowId: this.workflow.id,
				workflowExecuteAdditionalData: this.additionalData(),
			} as IWebhookData,
		);
		const methods = this.nodeType.webhookMethods!.default!;
		if (await methods.checkExists.call(context)) return true;
		return await methods.create.call(context);
	}

	async close() {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	private additionalData(extra: object = {}) {
		const helper = new InMemoryCredentialsHelper(this.credentialTypes, {
			[CREDENTIAL_TYPE]: this.credentials,
		});
		const hooks = new ExecutionLifecycleHooks('webhook', randomUUID(), {} as never);
		return { ...buildAdditionalData(hooks, helper), ...extra };
	}

	private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
		const rawBody = await readBody(req);
		let body: unknown = {};
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			body = {};
		}
		// What n8n's webhook middleware leaves on the request before the node sees it.
		Object.assign(req, { rawBody, body, query: {}, params: {} });
		const call: TriggerCall = { status: 0 };
		res.on('finish', () => (call.status = res.statusCode));
		const additionalData = this.additionalData({ httpRequest: req, httpResponse: res });
		const webhookData = {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'webhook',
			webhookDescription: this.nodeType.description.webhooks![0],
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		} as IWebhookData;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = await this.nodeType.webhook!.call(context);
		if (!result.noWebhookResponse && !res.headersSent) res.writeHead(200).end();
		call.started = result.workflowData?.[0];
		this.calls.push(call);
		this.events.emit('call');
	}
}
