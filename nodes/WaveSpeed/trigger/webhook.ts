import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { deliveryKeys, seenDeliveries } from '../account/seenDeliveries';
import { webhookSecrets } from '../account/webhookSecrets';
import { WaveSpeedClient } from '../transport/client';
import { jsonObjectOf } from '../transport/responses';
import { isFinished, type WaveSpeedTask } from '../transport/predictions';
import { callbackItem, readTriggerOutput } from './callbackItem';
import { signatureProblem, type SignedDelivery } from './signature';
import { EVENTS } from './trigger.description';

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/**
 * The task object of a callback body, or undefined when the body is not one. A status the node
 * does not know is still a task (WaveSpeed may add statuses): it is acknowledged and ignored.
 */
export function parseCallbackTask(rawBody: Buffer): WaveSpeedTask | undefined {
	const task = jsonObjectOf(rawBody) as Partial<WaveSpeedTask> | undefined;
	if (!task) return undefined;
	if (typeof task.id !== 'string' || task.id === '' || typeof task.status !== 'string')
		return undefined;
	const isOutput = (o: unknown) => typeof o === 'string' || (!!o && typeof o === 'object');
	if (
		task.outputs !== undefined &&
		!(Array.isArray(task.outputs) && task.outputs.every(isOutput))
	) {
		return undefined;
	}
	return task as WaveSpeedTask;
}

/**
 * Activation: fetches the account's signing secret, so a wrong credential fails when the
 * workflow is published and the first callback is verified at once; checks the Options too.
 */
export async function activate(ctx: IHookFunctions): Promise<void> {
	readTriggerOutput(ctx);
	await webhookSecrets.get(await WaveSpeedClient.connect(ctx));
}

/**
 * One callback: verified before anything else (a call that fails starts nothing), answered at
 * once, then turned into the item the workflow starts with.
 */
export async function receiveCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject();
	const response = ctx.getResponseObject();
	const answer = (status: number, body: object): IWebhookResponseData => {
		response.writeHead(status, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
		return { noWebhookResponse: true };
	};
	const delivery: SignedDelivery = {
		webhookId: header(request.headers['webhook-id']),
		timestamp: header(request.headers['webhook-timestamp']),
		signature: header(request.headers['webhook-signature']),
		rawBody: Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0),
	};
	const client = await WaveSpeedClient.connect(ctx);
	const now = Math.floor(Date.now() / 1000);
	let problem = signatureProblem(delivery, await webhookSecrets.get(client), now);
	if (problem === 'webhook-signature does not match') {
		const rotated = await webhookSecrets.refreshAfterMismatch(client);
		if (rotated) problem = signatureProblem(delivery, rotated, now);
	}
	if (problem) return answer(401, { error: `Refused: ${problem}` });
	const task = parseCallbackTask(delivery.rawBody);
	if (!task) return answer(400, { error: 'Refused: the body is not a WaveSpeed task object' });
	const events = ctx.getNodeParameter('events', EVENTS) as string[];
	// A task that ended without its image (failed, cancelled, timeout, deleted) is a "failed"
	// event; a status that is no ending (still running, or one the node does not know) starts
	// nothing and is acknowledged, as the Events filter does for unselected events.
	const event = task.status === 'completed' ? 'completed' : isFinished(task) ? 'failed' : undefined;
	const wanted = event !== undefined && events.includes(event);
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}`;
	if (!wanted || !seenDeliveries.firstTime(deliveryKeys(scope, delivery.webhookId!, task))) {
		return answer(200, { received: true, started: false });
	}
	const settings = readTriggerOutput(ctx);
	// Answered before the images are downloaded, so WaveSpeed does not time out and deliver again.
	answer(200, { received: true, started: true });
	const item = await callbackItem(ctx, client, task, settings);
	return { noWebhookResponse: true, workflowData: [[item]] };
}
