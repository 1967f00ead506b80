import { formatMoney } from '../../../../../../nodes/WaveSpeed/actions/edit/costGuard';

describe('formatMoney: amounts in millionths, shown as money', () => {
	test.each([
		[90_000, '0.09 USD'],
		[100_000, '0.10 USD'],
		[15_000, '0.015 USD'],
		[12_345_678, '12.3457 USD'],
		[0, '0.00 USD'],
	])('%d → %s', (micros, text) => {
		expect(formatMoney(micros, 'USD')).toBe(text);
	});
});
