import {
	AdaptiveConcurrency,
	FixedConcurrency,
} from '../../../../nodes/WaveSpeedImageEdit/helpers/adaptiveConcurrency';

// The controller on its own, with the clock held still or moved by hand.
let now = 1_000_000;
beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
afterEach(() => jest.restoreAllMocks());

describe('adaptive concurrency', () => {
	test('starts at 4 and adds one item per task that starts at once (doubling per round)', () => {
		const c = new AdaptiveConcurrency();
		expect(c.current()).toBe(4);
		for (let i = 0; i < 4; i++) c.track().accepted('processing');
		expect(c.current()).toBe(8);
	});

	test('a task accepted as "created" that starts soon also counts as a prompt start', () => {
		const c = new AdaptiveConcurrency();
		const flow = c.track();
		flow.accepted('created');
		now += 300;
		flow.seen('created');
		flow.seen('processing');
		expect(c.current()).toBe(5);
	});

	test('a task still waiting in "created" a second after acceptance drops the limit to what runs', () => {
		const c = new AdaptiveConcurrency();
		const flows = Array.from({ length: 6 }, () => c.track());
		flows.slice(0, 3).forEach((f) => f.accepted('processing'));
		flows.slice(3).forEach((f) => f.accepted('created'));
		expect(c.current()).toBe(7);
		now += 1000;
		flows[3].seen('created');
		expect(c.current()).toBe(3);
		// From then on it grows by about one item per round, not per task.
		const next = c.track();
		next.accepted('processing');
		expect(c.current()).toBe(3);
	});

	test('a 429 stops growth and holds the limit at the items in flight until WaveSpeed accepts again', async () => {
		const c = new AdaptiveConcurrency();
		const flows = [c.track(), c.track()];
		flows[0].rateLimited();
		expect(c.current()).toBe(2);
		flows[1].rateLimited();
		expect(c.current()).toBe(2);
		let raised = false;
		void c.raised().then(() => (raised = true));
		flows[0].accepted('processing');
		flows[1].accepted('processing');
		await Promise.resolve();
		expect(c.current()).toBe(2);
		expect(raised).toBe(false);
	});

	test('never goes above 50 items', () => {
		const c = new AdaptiveConcurrency();
		for (let i = 0; i < 100; i++) c.track().accepted('processing');
		expect(c.current()).toBe(50);
	});

	test('a set Max Concurrency stays fixed whatever WaveSpeed does', () => {
		const c = new FixedConcurrency(1);
		const flow = c.track();
		flow.accepted('processing');
		flow.rateLimited();
		expect(c.current()).toBe(1);
	});
});
