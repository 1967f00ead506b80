/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import { FakeWaveSpeed } from '../../devkit/fake-wavespeed/server';
import { runImageEdit } from '../../devkit/harness/engine';
import { editParameters } from './fixtures';

// One item per execution (a webhook receives a photo): what one execution learned about task
// durations is kept for the next one, per account and model. The checks compare when the first
// status check came, relative to the task's own 3 s, not how fast anything was. WaveSpeed's rule
// (at least 2 s between checks, the first 2 s after the submit at the soonest) holds throughout.

const TASK_MS = 3000;
const MIN_GAP_MS = 2000;
let fake: FakeWaveSpeed;
let otherAccount: FakeWaveSpeed;

beforeAll(async () => {
	fake = await FakeWaveSpeed.start({ taskMs: TASK_MS });
	otherAccount = await FakeWaveSpeed.start({
		taskMs: TASK_MS,
		apiKey: 'ws-other-account-key-9876',
	});
});

afterAll(async () => {
	await fake.close();
	await otherAccount.close();
});

/** Runs one item and returns how long after submit its first status check came. */
async function firstCheckAfter(
	on: FakeWaveSpeed,
	model = 'wavespeed-ai/flux-2-klein-base-9b/edit',
) {
	const result = await runImageEdit({
		credentials: { apiKey: on.apiKey, baseUrl: on.url },
		parameters: editParameters({
			model,
			images: { image: [{ source: 'url', url: `${on.outputUrl}/images/256x256.png` }] },
		}),
	});
	expect(result.error).toBeUndefined();
	const task = on.tasks.at(-1)!;
	const firstPoll = on.requests.find((r) => r.route === 'poll' && r.path.includes(task.id))!;
	return { afterMs: firstPoll.at - task.createdAt, polls: task.polls };
}

describe('what one execution learns about task durations', () => {
	test('a fresh process checks at the 2 s the rule allows; the next execution checks once, when the task is due', async () => {
		const first = await firstCheckAfter(fake);
		expect(first.afterMs).toBeGreaterThanOrEqual(MIN_GAP_MS);
		expect(first.afterMs).toBeLessThan(TASK_MS);
		expect(first.polls).toBe(2);

		const second = await firstCheckAfter(fake);
		expect(second.afterMs).toBeGreaterThanOrEqual(TASK_MS);
		expect(second.polls).toBe(1);
	});

	test('another model of the same account starts without that knowledge', async () => {
		const other = await firstCheckAfter(fake, 'wavespeed-ai/flux-2-klein-base-4b/edit');
		expect(other.afterMs).toBeLessThan(TASK_MS);
	});

	test('another credential (other base URL and API key) starts without that knowledge', async () => {
		const other = await firstCheckAfter(otherAccount);
		expect(other.afterMs).toBeLessThan(TASK_MS);
	});

	test("planned from the submit's `created` answer: a late check teaches WaveSpeed's start delay, then each task is checked once", async () => {
		const runs = [];
		for (let n = 0; n < 6; n++) runs.push(await firstCheckAfter(fake));
		// A check planned at the task's running time alone comes before WaveSpeed has started and
		// finished it (the fake starts a task 100 ms after accepting it); a miss or two teach that.
		expect(runs.filter(({ polls }) => polls > 1).length).toBeLessThanOrEqual(3);
		for (const { afterMs, polls } of runs.slice(-2)) {
			expect(polls).toBe(1);
			expect(afterMs).toBeGreaterThanOrEqual(TASK_MS);
		}
	});

	test('a task still `created` at its first check is queued: it is planned from when it is seen running', async () => {
		// The account runs nothing until the test lets it: the task waits in `created`.
		fake.store.setConcurrency(0);
		const before = fake.tasks.length;
		const run = firstCheckAfter(fake);
		await fake.until(() => fake.tasks.length > before && fake.tasks.at(-1)!.polls === 1);
		const task = fake.tasks.at(-1)!;
		expect(task.status).toBe('created');
		fake.store.setConcurrency(1000);
		const { afterMs, polls } = await run;
		expect(afterMs).toBeGreaterThanOrEqual(TASK_MS);
		// created, then processing (2 s later, the rule's gap), then done when a running task is due.
		expect(polls).toBe(3);
		const times = fake.checkTimes(task.id);
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(MIN_GAP_MS);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(MIN_GAP_MS);
	});
});
