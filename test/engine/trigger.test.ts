import { signCallback } from '../../devkit/fake-wavespeed/webhooks';
import { pngSize } from '../../devkit/fake-wavespeed/png';
import { TriggerHarness } from '../../devkit/harness/trigger';
import { completedTaskJson, editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

// WaveSpeed retries a callback its receiver refused, up to 3 times (short waits here).
const RETRIES = 3;
const ws = withFakeWaveSpeed({ taskMs: 50, callbackRetryMs: [10, 20, 40] });

let trigger: TriggerHarness;

/** Posts a body to the trigger as WaveSpeed would, signed with the account's secret. */
async function postSigned(body: string, webhookId: string) {
	const timestamp = Math.floor(Date.now() / 1000);
	return await fetch(trigger.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'webhook-id': webhookId,
			'webhook-timestamp': String(timestamp),
			'webhook-signature': signCallback(ws.fake.webhooks.secret, webhookId, timestamp, body),
		},
		body,
	});
}

async function startTrigger(parameters = {}) {
	await trigger?.close();
	trigger = await TriggerHarness.start({
		parameters,
		credentials: { apiKey: ws.fake.apiKey, baseUrl: ws.fake.url },
	});
	return trigger;
}

afterAll(async () => await trigger?.close());

/** Submits one edit that calls the trigger back, and waits until the trigger handled every delivery. */
async function submitWithCallback(prompt = 'Make it blue', expectedDeliveries = 1) {
	const before = trigger.calls.length;
	const result = await ws.run({
		parameters: editParameters({
			prompt,
			images: urlImages(ws.image(320, 200)),
			options: { waitForResult: false, webhookUrl: trigger.url },
		}),
	});
	expect(result.error).toBeUndefined();
	await ws.fake.until(
		() => ws.fake.store.tasks.get(String(result.items[0].json.id))?.completedAt !== undefined,
	);
	await ws.fake.webhooks.settled();
	await trigger.handled(before + expectedDeliveries);
	return { id: String(result.items[0].json.id), calls: trigger.calls.slice(before) };
}

describe('WaveSpeed Trigger', () => {
	test("a signed callback starts one execution with Edit Image's JSON and the image as binary", async () => {
		await startTrigger();
		const outputRequests = ws.fake.requests.filter((r) => r.host === 'output');

		const { id, calls } = await submitWithCallback();

		expect(calls.map((c) => c.status)).toEqual([200]);
		const [item] = calls[0].started!;
		const task = ws.fake.store.tasks.get(id)!;
		expect(item.json).toMatchObject({ ...completedTaskJson(task), id, seed: task.body.seed });
		expect(item.binary!.data).toMatchObject({
			mimeType: 'image/png',
			fileName: `wavespeed-${id}.png`,
		});
		const downloads = ws.fake.requests
			.filter((r) => r.host === 'output')
			.slice(outputRequests.length);
		expect(downloads.some((r) => r.path === new URL(task.outputs[0]).pathname)).toBe(true);
		expect(downloads.every((r) => r.authorization === undefined)).toBe(true);
	});

	test('the binary is the edited image, read through n8n', async () => {
		await startTrigger();
		const { calls } = await submitWithCallback();
		const { Container } = await import('@n8n/di');
		const { BinaryDataService } = await import('n8n-core');
		const bytes = await Container.get(BinaryDataService).getAsBuffer(
			calls[0].started![0].binary!.data,
		);
		expect(pngSize(bytes)).toEqual({ width: 320, height: 200 });
	});

	test.each([
		['tampered body', { tamper: true }],
		['no signature', { unsigned: true }],
		['timestamp older than 300 s', { ageSeconds: 301 }],
	])('refuses a callback with a %s: 401, no execution', async (_, tweak) => {
		await startTrigger();
		ws.fake.webhooks.tweakNext(tweak);

		const { calls } = await submitWithCallback('Make it blue', 1 + RETRIES);

		// Each of WaveSpeed's retries is refused the same way; none starts an execution.
		expect(calls.map((c) => c.status)).toEqual([401, 401, 401, 401]);
		expect(trigger.started).toHaveLength(0);
	});

	test('a repeated webhook-id (WaveSpeed delivering again) starts no second execution', async () => {
		await startTrigger();
		ws.fake.webhooks.tweakNext({ duplicates: 2 });

		const { calls } = await submitWithCallback('Once only', 3);

		expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
		expect(trigger.started).toHaveLength(1);
	});

	test('the same task and status again under a new webhook-id (a retry WaveSpeed re-signed) starts nothing', async () => {
		await startTrigger();
		const first = await submitWithCallback('Once per task');
		expect(trigger.started).toHaveLength(1);
		const task = ws.fake.store.tasks.get(first.id)!;
		const body = JSON.stringify({
			id: task.id,
			model: task.model,
			status: 'completed',
			outputs: task.outputs,
			has_nsfw_contents: [false],
			error: '',
		});
		const before = trigger.calls.length;
		const response = await postSigned(body, 'msg_a_new_id_for_the_same_task');
		await trigger.handled(before + 1);

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ received: true, started: false });
		expect(trigger.started).toHaveLength(1);
	});

	test('a signed body that is not a task object: 400, no execution', async () => {
		await startTrigger();
		await trigger.activate();
		const body = JSON.stringify({ hello: 'world' });
		const response = await postSigned(body, 'msg_not_a_task');
		await trigger.handled(1);

		expect(response.status).toBe(400);
		expect(trigger.started).toHaveLength(0);
	});

	test('a signed callback with a status the node does not know: 200, acknowledged and ignored', async () => {
		await startTrigger();
		await trigger.activate();
		const body = JSON.stringify({ id: 'e6832d4abffb4d79bfbca19783fca133', status: 'archived' });
		const response = await postSigned(body, 'msg_unknown_status');
		await trigger.handled(1);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ received: true, started: false });
		expect(trigger.started).toHaveLength(0);
	});

	test("a failed task starts an execution carrying WaveSpeed's message; unselected events are acknowledged and ignored", async () => {
		await startTrigger();
		const failed = await submitWithCallback('Edit [fail:Prompt rejected by the safety filter]');
		expect(failed.calls[0].started![0].json).toMatchObject({
			id: failed.id,
			status: 'failed',
			error: 'Prompt rejected by the safety filter',
		});
		expect(failed.calls[0].started![0].binary).toBeUndefined();

		await startTrigger({ events: ['completed'] });
		const ignored = await submitWithCallback('Edit [fail:Nope]');
		expect(ignored.calls.map((c) => c.status)).toEqual([200]);
		expect(trigger.started).toHaveLength(0);
	});

	test('Download Output off gives the JSON only', async () => {
		await startTrigger({ options: { downloadOutput: false } });
		const { calls } = await submitWithCallback();
		expect(calls[0].started![0].json.status).toBe('completed');
		expect(calls[0].started![0].binary).toBeUndefined();
	});

	test('fetches the signing secret once, not for every callback', async () => {
		await startTrigger();
		const before = ws.fake.count('webhookSecret');
		for (let n = 0; n < 3; n++) await submitWithCallback(`Edit ${n}`);
		expect(trigger.started).toHaveLength(3);
		expect(ws.fake.count('webhookSecret') - before).toBeLessThanOrEqual(1);
	});

	test('a rotated secret: after a mismatch the trigger fetches it again, at most once a minute, and accepts the call', async () => {
		await startTrigger();
		await trigger.activate();
		const before = ws.fake.count('webhookSecret');
		ws.fake.webhooks.rotateSecret();

		const refused = await submitWithCallback('Within the minute', 1 + RETRIES);
		expect(refused.calls.map((c) => c.status)).toEqual([401, 401, 401, 401]);
		expect(ws.fake.count('webhookSecret')).toBe(before);

		const realNow = Date.now.bind(Date);
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 61_000);
		try {
			const accepted = await submitWithCallback('A minute later');
			expect(accepted.calls.map((c) => c.status)).toEqual([200]);
			expect(trigger.started).toHaveLength(1);
			expect(ws.fake.count('webhookSecret')).toBe(before + 1);
			await submitWithCallback('With the new secret');
			expect(ws.fake.count('webhookSecret')).toBe(before + 1);
		} finally {
			jest.restoreAllMocks();
		}
	});

	test('an empty Output Binary Field fails activation, naming the field', async () => {
		await startTrigger({ options: { binaryPropertyOutput: ' ' } });
		await expect(trigger.activate()).rejects.toThrow('Options → Output Binary Field: is empty');
	});

	test('activation with a wrong API key fails and says so', async () => {
		await trigger?.close();
		trigger = await TriggerHarness.start({
			credentials: { apiKey: 'wrong-key', baseUrl: ws.fake.url },
		});
		await expect(trigger.activate()).rejects.toThrow('WaveSpeed rejected the API key');
	});
});
