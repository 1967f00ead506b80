import { SharedWork } from '../../../../../nodes/WaveSpeed/account/keptMap';

describe('SharedWork: done once per key, shared while in flight, failures not kept', () => {
	test('two asks while the work runs share it; a later ask gets the kept result', async () => {
		const work = new SharedWork<string>({ maxEntries: 10 });
		let runs = 0;
		let finish!: (value: string) => void;
		const job = () => {
			runs++;
			return new Promise<string>((resolve) => (finish = resolve));
		};
		const first = work.get('k', job);
		const second = work.get('k', job);
		finish('url');
		expect(await Promise.all([first, second])).toEqual(['url', 'url']);
		expect(await work.get('k', job)).toBe('url');
		expect(runs).toBe(1);
	});

	test('a failure reaches everyone waiting, then the next ask works anew', async () => {
		const work = new SharedWork<string>({ maxEntries: 10 });
		await expect(work.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		await Promise.resolve();
		expect(await work.get('k', () => Promise.resolve('ok'))).toBe('ok');
	});

	test('results expire by the keep rule', async () => {
		let now = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const work = new SharedWork<number>({ maxEntries: 10, keepMs: 1000 });
		let runs = 0;
		const job = () => Promise.resolve(++runs);
		expect(await work.get('k', job)).toBe(1);
		now = 999;
		expect(await work.get('k', job)).toBe(1);
		now = 1000;
		expect(await work.get('k', job)).toBe(2);
		jest.restoreAllMocks();
	});
});
