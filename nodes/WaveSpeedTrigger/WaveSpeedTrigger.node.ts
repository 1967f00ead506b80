import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resultOptionFields } from '../WaveSpeedImageEdit/actions/resultOptions.description';
import { waveSpeedApiTest } from '../WaveSpeedImageEdit/credentialTest';
import { DEFAULTS } from '../WaveSpeedImageEdit/helpers/limits';
import { taskJson, toOutputItem } from '../WaveSpeedImageEdit/helpers/outputItem';
import { Deadline } from '../WaveSpeedImageEdit/helpers/timing';
import {
	CREDENTIAL_TYPE,
	normalizeBaseUrl,
	WaveSpeedClient,
} from '../WaveSpeedImageEdit/transport/client';
import type { WaveSpeedTask } from '../WaveSpeedImageEdit/transport/types';
import { parseCallbackTask } from './callbackTask';
import { seenDeliveries } from './seenDeliveries';
import { signatureProblem, type SignedDelivery } from './signature';
import { WebhookSecrets, webhookSecrets } from './webhookSecret';

type Answer = (status: number, body: IDataObject) => void;

const EVENTS = ['completed', 'failed'];

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

export class WaveSpeedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WaveSpeed Trigger',
		name: 'waveSpeedTrigger',
		icon: { light: 'file:../../icons/wavespeed.svg', dark: 'file:../../icons/wavespeed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On task " + $parameter["events"].join(" or ") }}',
		description: 'Starts the workflow when WaveSpeed calls back about a finished task',
		defaults: { name: 'WaveSpeed Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint (credential-test-required) reads testedBy from this file's source.
		credentials: [{ name: 'waveSpeedApi', required: true, testedBy: 'waveSpeedApiTest' }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Put this node's Production URL into the Webhook URL option of a WaveSpeed Image Edit node (with Wait for Result off), then publish this workflow. WaveSpeed must be able to reach the URL: it needs a public https address.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Task Completed', value: 'completed', description: 'The image is ready' },
					{
						name: 'Task Failed',
						value: 'failed',
						description: 'WaveSpeed could not make the image',
					},
				],
				default: ['completed', 'failed'],
				description:
					'Which task endings start the workflow; other callbacks are acknowledged and ignored',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: resultOptionFields.filter((field) =>
					['downloadOutput', 'binaryPropertyOutput'].includes(field.name),
				),
			},
		],
	};

	methods = { credentialTest: { waveSpeedApiTest } };

	/**
	 * WaveSpeed has no webhook registry: the URL travels with each task. Activation only fetches
	 * the signing secret, so a wrong credential fails there, and the first callback is verified at once.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await signingSecret(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const answer: Answer = (status, body) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const delivery: SignedDelivery = {
			webhookId: header(request.headers['webhook-id']),
			timestamp: header(request.headers['webhook-timestamp']),
			signature: header(request.headers['webhook-signature']),
			rawBody: Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0),
		};
		const { secret, secretKey, client } = await signingSecret(this);
		const now = Math.floor(Date.now() / 1000);
		let problem = signatureProblem(delivery, secret, now);
		if (problem === 'webhook-signature does not match') {
			const rotated = await webhookSecrets.refreshAfterMismatch(secretKey, client);
			if (rotated) problem = signatureProblem(delivery, rotated, now);
		}
		if (problem) {
			answer(401, { error: `Refused: ${problem}` });
			return { noWebhookResponse: true };
		}
		const task = parseCallbackTask(delivery.rawBody);
		if (!task) {
			answer(400, { error: 'Refused: the body is not a WaveSpeed task object' });
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', EVENTS) as string[];
		const event = task.status === 'completed' ? 'completed' : 'failed';
		const wanted =
			events.includes(event) && task.status !== 'created' && task.status !== 'processing';
		if (!wanted || !seenDeliveries.firstTime(delivery.webhookId!)) {
			answer(200, { received: true, started: false });
			return { noWebhookResponse: true };
		}
		// Answered before the images are downloaded, so WaveSpeed does not time out and deliver again.
		answer(200, { received: true, started: true });
		const item = await callbackItem(this, client, task);
		return { noWebhookResponse: true, workflowData: [[item]] };
	}
}

async function signingSecret(ctx: IHookFunctions | IWebhookFunctions) {
	const credentials = await ctx.getCredentials<{ apiKey: string; baseUrl: string }>(
		CREDENTIAL_TYPE,
	);
	const secretKey = WebhookSecrets.key(
		normalizeBaseUrl(credentials.baseUrl) ?? '',
		credentials.apiKey,
	);
	const client = await WaveSpeedClient.forItem(ctx);
	return { secret: await webhookSecrets.get(secretKey, client), secretKey, client };
}

/** The item a callback starts the workflow with: Edit Image's JSON, and the images as binary. */
async function callbackItem(
	ctx: IWebhookFunctions,
	client: WaveSpeedClient,
	task: WaveSpeedTask,
): Promise<INodeExecutionData> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const settings = {
		downloadOutput: options.downloadOutput !== false,
		binaryPropertyOutput:
			String(options.binaryPropertyOutput ?? DEFAULTS.binaryPropertyOutput).trim() ||
			DEFAULTS.binaryPropertyOutput,
	};
	if (task.status !== 'completed')
		return { json: { ...taskJson(task), error: task.error || 'WaveSpeed gave no reason' } };
	try {
		const { json, binary } = await toOutputItem(
			ctx.helpers,
			client,
			task,
			settings,
			{},
			new Deadline(DEFAULTS.timeoutSeconds * 1000),
		);
		return { json, binary };
	} catch (error) {
		// The delivery is already acknowledged: the workflow still starts, with what went wrong.
		return { json: { ...taskJson(task), error: (error as Error).message } };
	}
}
