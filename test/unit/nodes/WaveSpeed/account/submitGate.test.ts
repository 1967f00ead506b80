import {
	RATE_WINDOW_MS,
	SubmitGate,
	type Submitter,
} from '../../../../../nodes/WaveSpeed/account/submitGate';

/**
 * An account as WaveSpeed's "Account Levels & Rate Limits" describes it: `perWindow` tasks
 * accepted a minute, more answered 429 (a window opens with the first task accepted after the
 * last one closed, as the fake does). Each item submits through the gate until accepted.
 */
async function runItems(
	gate: SubmitGate,
	items: number,
	perWindow: number,
	extra429s = new Set<number>(),
) {
	let windowStart = -Infinity;
	let inWindow = 0;
	let submits = 0;
	const refusals: Array<{ item: number; at: number }> = [];
	const acceptedAt: number[] = [];
	const submitOnce = (): boolean => {
		const now = Date.now();
		submits++;
		if (extra429s.has(submits)) return false;
		if (now >= windowStart + RATE_WINDOW_MS) {
			windowStart = now;
			inWindow = 0;
		}
		if (inWindow >= perWindow) return false;
		inWindow++;
		return true;
	};
	const item = async (n: number) => {
		const submitter: Submitter = {};
		for (;;) {
			const turn = await gate.waitTurn(submitter);
			if (submitOnce()) {
				gate.accepted();
				acceptedAt.push(Date.now());
				return;
			}
			refusals.push({ item: n, at: Date.now() });
			gate.rateLimited(submitter, turn, undefined);
		}
	};
	const all = Promise.all(Array.from({ length: items }, (_, n) => item(n)));
	for (let t = 0; t < 10 * RATE_WINDOW_MS && acceptedAt.length < items; t += 250) {
		await jest.advanceTimersByTimeAsync(250);
	}
	await all;
	return { submits, refusals, acceptedAt };
}

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

describe("SubmitGate: WaveSpeed's per-minute allowance, without hammering", () => {
	test('Bronze (2 a minute), 6 items at once: every item accepted within 3 windows, at most 12 submits', async () => {
		const { submits, refusals, acceptedAt } = await runItems(new SubmitGate(), 6, 2);
		expect(acceptedAt).toHaveLength(6);
		expect(Math.max(...acceptedAt) - 1_000_000).toBeLessThan(2 * RATE_WINDOW_MS + 1000);
		expect(submits).toBeLessThanOrEqual(12);
		expect(submits).toBe(6 + refusals.length);
	});

	test('each waiting item is refused at most once a minute', async () => {
		const { refusals } = await runItems(new SubmitGate(), 6, 2);
		for (const { item, at } of refusals) {
			const again = refusals.filter(
				(r) => r.item === item && r.at > at && r.at - at < RATE_WINDOW_MS,
			);
			expect(again).toEqual([]);
		}
	});

	test('once the allowance is known, the next minute waits for the reset instead of being refused', async () => {
		const gate = new SubmitGate();
		await runItems(gate, 4, 2);
		const { refusals } = await runItems(gate, 2, 2);
		expect(refusals).toEqual([]);
	});

	test('a lone 429 on an account with room: the gate opens again after about a second', async () => {
		const { acceptedAt, refusals } = await runItems(new SubmitGate(), 20, 1000, new Set([5]));
		expect(refusals).toHaveLength(1);
		expect(Math.max(...acceptedAt) - 1_000_000).toBeLessThanOrEqual(2000);
	});
});
