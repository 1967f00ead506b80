import { SeenDeliveries } from '../../../../../nodes/WaveSpeed/account/seenDeliveries';

const MINUTE = 60 * 1000;

describe('SeenDeliveries: a retried delivery starts nothing twice, within 10 minutes', () => {
	test('the first offer of an id is new, a repeat is not', () => {
		const seen = new SeenDeliveries();
		expect(seen.firstTime('msg_1', 0)).toBe(true);
		expect(seen.firstTime('msg_1', 1000)).toBe(false);
		expect(seen.firstTime('msg_2', 1000)).toBe(true);
	});

	test('an id is remembered for 10 minutes from its first offer, then forgotten', () => {
		const seen = new SeenDeliveries();
		seen.firstTime('msg_1', 0);
		expect(seen.firstTime('msg_1', 10 * MINUTE - 1)).toBe(false);
		expect(seen.firstTime('msg_1', 10 * MINUTE)).toBe(true);
	});

	test('a repeat does not extend the window', () => {
		const seen = new SeenDeliveries();
		seen.firstTime('msg_1', 0);
		seen.firstTime('msg_1', 9 * MINUTE);
		expect(seen.firstTime('msg_1', 10 * MINUTE)).toBe(true);
	});
});
