import { pngSize } from '../../devkit/fake-wavespeed/png';
import { completedTaskJson, editParameters, urlImages, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 150 });

function getResultParameters(taskId: string, extra: Record<string, unknown> = {}) {
	return { operation: 'getResult', taskId, ...extra };
}

/** Submits one task with Wait for Result off and returns its id. */
async function submitWithoutWaiting(prompt = 'Make it blue') {
	const submitted = await ws.run({
		parameters: editParameters({
			prompt,
			images: urlImages(ws.image(300, 200)),
			options: { waitForResult: false },
		}),
	});
	expect(submitted.error).toBeUndefined();
	return String(submitted.items[0].json.id);
}

describe('Get Result', () => {
	test('waits for a task by its id and returns the same item Edit Image would, without submitting', async () => {
		const id = await submitWithoutWaiting();
		const accepted = ws.fake.acceptedTasks;

		const result = await ws.run({ parameters: getResultParameters(id) });

		expect(result.error).toBeUndefined();
		const [item] = result.items;
		const task = ws.fake.store.tasks.get(id)!;
		expect(item.json).toMatchObject({ ...completedTaskJson(task), id });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(pngSize(await result.binaryBuffer(item))).toEqual({ width: 300, height: 200 });
		expect(ws.fake.acceptedTasks).toBe(accepted);
	});

	test('without waiting, a running task comes back as it is, after one status check', async () => {
		const id = await submitWithoutWaiting('Slow one [ms:5000]');
		// WaveSpeed accepts a task as `created` and starts it a little later: wait until it runs.
		await ws.fake.until(() => ws.fake.store.tasks.get(id)!.status === 'processing');
		const polls = ws.fake.store.tasks.get(id)!.polls;

		const result = await ws.run({ parameters: getResultParameters(id, { waitForResult: false }) });

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id, status: 'processing' });
		expect(result.items[0].binary).toBeUndefined();
		expect(ws.fake.store.tasks.get(id)!.polls).toBe(polls + 1);
	});

	test("a failed task gives WaveSpeed's own message as the error", async () => {
		const id = await submitWithoutWaiting('Edit [fail:Prompt rejected by the safety filter]');

		const result = await ws.run({ parameters: getResultParameters(id) });

		expect(result.error?.message).toContain('Prompt rejected by the safety filter');
		expect(result.error?.message).toContain(id);
	});

	test.each([
		['empty', '  ', /^Task ID \(item 0\): is empty/],
		['malformed', '../balance', /^Task ID \(item 0\): "\.\.\/balance" is not a WaveSpeed task id/],
	])('an %s id is refused before any request', async (_, taskId, message) => {
		const requests = ws.fake.requests.length;

		const result = await ws.run({ parameters: getResultParameters(taskId) });

		expect(result.error?.message).toMatch(message);
		expect(ws.fake.requests.length).toBe(requests);
	});

	test('an id WaveSpeed does not know gives an error naming that id and the item', async () => {
		const result = await ws.run({
			items: [{ json: {} }, { json: {} }],
			parameters: getResultParameters('={{ $itemIndex === 1 ? "nosuchtask42" : "" }}'),
			continueOnFail: true,
		});

		expect(result.items[1].json.error).toBe('WaveSpeed knows no task with id "nosuchtask42"');
		expect(result.items[1].json.id).toBe('nosuchtask42');
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[0].json.error).toMatch(/^Task ID \(item 0\): is empty/);
	});
});
