import type { AcceptedThen } from '../../../../devkit/fake-wavespeed/faults';
import { FakeWaveSpeed } from '../../../../devkit/fake-wavespeed/server';
import { client } from './http';

const MODEL = 'wavespeed-ai/flux-2-klein-base-9b/edit';

let fake: FakeWaveSpeed;
const { api, post, image } = client(() => fake);

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: 10, startDelayMs: 0 });
});

afterAll(async () => await fake.close());

/** Submits once with the fault armed: what came back, and whether WaveSpeed accepted and billed it. */
async function lose(then: AcceptedThen) {
	fake.inject({ route: 'submit', action: { kind: 'acceptThen', then } });
	const accepted = fake.acceptedTasks;
	const balance = fake.balance.dollars;
	const answer = await api(`/api/v3/${MODEL}`, {
		method: 'POST',
		body: JSON.stringify({ prompt: `lost ${JSON.stringify(then)}`, images: [image()] }),
	}).then(
		async (response) => ({ status: response.status, text: await response.text() }),
		(error: Error) => ({ error }),
	);
	expect(fake.acceptedTasks).toBe(accepted + 1);
	expect(fake.balance.dollars).toBeCloseTo(balance - 0.03, 6);
	const task = fake.tasks.at(-1)!;
	// The task runs anyway, and the history finds it.
	await fake.until(() => task.status === 'completed');
	const { json } = await post<{ items: Array<{ id: string }> }>('/api/v3/predictions', {
		page: 1,
		page_size: 1,
	});
	expect(json.data.items[0].id).toBe(task.id);
	return answer;
}

describe('an accepted, billed submit whose answer is lost (acceptThen)', () => {
	test('HTTP 200 {code:200, message:"success", data:null}: no task id', async () => {
		const answer = await lose('nullData');
		expect(answer).toEqual({
			status: 200,
			text: JSON.stringify({ code: 200, message: 'success', data: null }),
		});
	});

	test('HTTP 200 with a body that is not JSON', async () => {
		const answer = (await lose('notJson')) as { status: number; text: string };
		expect(answer.status).toBe(200);
		expect(() => JSON.parse(answer.text)).toThrow();
	});

	test('a 5xx, with the default envelope or a given body', async () => {
		expect(await lose({ status: 502 })).toEqual({
			status: 502,
			text: JSON.stringify({ code: 502, message: 'Internal server error', data: null }),
		});
		expect(await lose({ status: 504, body: { error: 'gateway timeout' } })).toEqual({
			status: 504,
			text: JSON.stringify({ error: 'gateway timeout' }),
		});
	});

	test('a reset connection', async () => {
		const answer = await lose('reset');
		expect(answer).toHaveProperty('error');
	});

	test('no answer at all: the request stays open until the server closes', async () => {
		const other = await FakeWaveSpeed.start({ taskMs: 10, startDelayMs: 0 });
		other.inject({ route: 'submit', action: { kind: 'acceptThen', then: 'stall' } });
		const pending = fetch(`${other.url}/api/v3/${MODEL}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				prompt: 'stalled',
				images: [`${other.outputUrl}/images/256x256.png`],
			}),
		}).then(
			() => 'answered',
			() => 'closed',
		);
		await other.until(() => other.acceptedTasks === 1);
		const task = other.tasks[0];
		await other.until(() => task.status === 'completed');
		await other.close();
		expect(await pending).toBe('closed');
	});
});
