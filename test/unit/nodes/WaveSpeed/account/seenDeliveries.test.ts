import {
	deliveryKeys,
	SeenDeliveries,
} from '../../../../../nodes/WaveSpeed/account/seenDeliveries';

const MINUTE = 60 * 1000;
const keys = (webhookId: string, taskId = 't1', status = 'completed', scope = 'wf1') =>
	deliveryKeys(scope, webhookId, { id: taskId, status });

describe('SeenDeliveries: a retried delivery starts nothing twice, within 10 minutes', () => {
	test('the first offer of an id is new, a repeat is not', () => {
		const seen = new SeenDeliveries();
		expect(seen.firstTime(keys('msg_1'), 0)).toBe(true);
		expect(seen.firstTime(keys('msg_1'), 1000)).toBe(false);
		expect(seen.firstTime(keys('msg_2', 't2'), 1000)).toBe(true);
	});

	test('a second callback for the same task and status is a repeat, even with a new webhook-id', () => {
		const seen = new SeenDeliveries();
		expect(seen.firstTime(keys('msg_1', 't1'), 0)).toBe(true);
		expect(seen.firstTime(keys('msg_9', 't1'), 1000)).toBe(false);
		// Another status of the same task is news (e.g. failed after a retried completed is not).
		expect(seen.firstTime(keys('msg_10', 't1', 'failed'), 1000)).toBe(true);
	});

	test("another workflow's trigger is not affected", () => {
		const seen = new SeenDeliveries();
		expect(seen.firstTime(keys('msg_1', 't1', 'completed', 'wf1'), 0)).toBe(true);
		expect(seen.firstTime(keys('msg_1', 't1', 'completed', 'wf2'), 0)).toBe(true);
	});

	test('an id is remembered for 10 minutes from its first offer, then forgotten', () => {
		const seen = new SeenDeliveries();
		seen.firstTime(keys('msg_1'), 0);
		expect(seen.firstTime(keys('msg_1'), 10 * MINUTE - 1)).toBe(false);
		expect(seen.firstTime(keys('msg_1'), 10 * MINUTE)).toBe(true);
	});

	test('a repeat does not extend the window', () => {
		const seen = new SeenDeliveries();
		seen.firstTime(keys('msg_1'), 0);
		seen.firstTime(keys('msg_1'), 9 * MINUTE);
		expect(seen.firstTime(keys('msg_1'), 10 * MINUTE)).toBe(true);
	});
});
