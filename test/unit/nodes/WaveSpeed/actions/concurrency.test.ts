import {
	AdaptiveConcurrency,
	FixedConcurrency,
} from '../../../../../nodes/WaveSpeed/actions/concurrency';

// The controller on its own, with the clock held still or moved by hand. WaveSpeed answers a
// submit with `created`; the first check, 2 s later at the soonest, tells whether the task ran.
let now = 1_000_000;
beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
afterEach(() => jest.restoreAllMocks());

describe('adaptive concurrency', () => {
	test('starts at 16 and adds one item per task WaveSpeed accepts (doubling per round)', () => {
		const c = new AdaptiveConcurrency();
		expect(c.current()).toBe(16);
		for (let i = 0; i < 16; i++) c.track(() => {}).accepted({ id: 't', status: 'created' });
		expect(c.current()).toBe(32);
	});

	test('a check that finds the task running or done does not grow it again', () => {
		const c = new AdaptiveConcurrency();
		const flow = c.track(() => {});
		flow.accepted({ id: 't', status: 'created' });
		now += 2000;
		flow.seen('processing');
		flow.seen('completed');
		expect(c.current()).toBe(17);
	});

	test('a task still waiting in "created" at its first check drops the limit to what runs', () => {
		const c = new AdaptiveConcurrency();
		const flows = Array.from({ length: 6 }, () => c.track(() => {}));
		flows.forEach((f) => f.accepted({ id: 't', status: 'created' }));
		expect(c.current()).toBe(22);
		now += 2000;
		flows.slice(0, 3).forEach((f) => f.seen('processing'));
		flows[3].seen('created');
		expect(c.current()).toBe(3);
		// From then on it grows by about one item per round, not per task.
		c.track(() => {}).accepted({ id: 't', status: 'created' });
		expect(c.current()).toBe(3);
	});

	test('a 429 stops growth and holds the limit at the items in flight until WaveSpeed accepts again', async () => {
		const c = new AdaptiveConcurrency();
		const flows = [c.track(() => {}), c.track(() => {})];
		flows[0].rateLimited();
		expect(c.current()).toBe(2);
		flows[1].rateLimited();
		expect(c.current()).toBe(2);
		let raised = false;
		void c.raised().then(() => (raised = true));
		flows[0].accepted({ id: 't', status: 'created' });
		flows[1].accepted({ id: 't', status: 'created' });
		await Promise.resolve();
		expect(c.current()).toBe(2);
		expect(raised).toBe(false);
	});

	test('never goes above 200 items', () => {
		const c = new AdaptiveConcurrency();
		for (let i = 0; i < 300; i++) c.track(() => {}).accepted({ id: 't', status: 'created' });
		expect(c.current()).toBe(200);
	});

	test('a set Max Concurrency stays fixed whatever WaveSpeed does', () => {
		const c = new FixedConcurrency(1);
		const flow = c.track(() => {});
		flow.accepted({ id: 't', status: 'processing' });
		flow.seen('processing');
		flow.rateLimited();
		expect(c.current()).toBe(1);
	});
});
