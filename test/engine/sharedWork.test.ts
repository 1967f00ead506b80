/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- dev-only code, not in the published package */
import { binaryImages, editParameters, pngFile, urlImages, withFakeWaveSpeed } from './fixtures';

// An upload or a price that several executions share belongs to the account, not to the
// execution that started it: cancelling that one neither breaks the others nor keeps it waiting.

const ws = withFakeWaveSpeed({ taskMs: 50, apiKey: 'ws-shared-work-key-0042' });

/** A request the fake holds until the test lets it go. */
function holdNext(route: 'storagePut' | 'price') {
	let release!: () => void;
	const until = new Promise<void>((resolve) => (release = resolve));
	ws.fake.inject({ route, action: { kind: 'hold', until } });
	return release;
}

describe('work shared by executions', () => {
	test('an upload shared in flight: the cancelled execution stops at once, the other gets its image from the one upload', async () => {
		const tickets = ws.fake.count('uploadTicket');
		const release = holdNext('storagePut');
		const photo = pngFile(300, 200, 'shared.png');
		const run = (onStart?: (cancel: () => void) => void) =>
			ws.run({
				items: [{ binary: { data: photo } }],
				parameters: editParameters({ images: binaryImages('data') }),
				onStart,
			});
		let cancelA!: () => void;
		const a = run((cancel) => (cancelA = cancel));
		const b = run();
		await ws.fake.until(() => ws.fake.count('storagePut', 'storage') === 1);
		cancelA();
		// A ends while the PUT is still held: it does not wait for work it shares.
		const aResult = await a;
		expect(aResult.error?.message).toBe(
			'The execution was cancelled; no further tasks were submitted',
		);
		release();
		const bResult = await b;
		expect(bResult.error).toBeUndefined();
		expect(bResult.items[0].json.status).toBe('completed');
		expect(ws.fake.count('uploadTicket') - tickets).toBe(1);
		expect(ws.fake.count('storagePut', 'storage')).toBe(1);
	});

	test('a price shared in flight: the other execution gets it, and the endpoint is not locked out', async () => {
		const asked = ws.fake.priceRequests.length;
		const release = holdNext('price');
		const run = (size: string, onStart?: (cancel: () => void) => void) =>
			ws.run({
				items: [{ json: {} }, { json: {} }],
				parameters: editParameters({
					images: urlImages(ws.image(256, 256)),
					size: 'custom',
					width: Number(size),
					height: Number(size),
				}),
				onStart,
			});
		let cancelA!: () => void;
		const a = run('512', (cancel) => (cancelA = cancel));
		const b = run('512');
		await ws.fake.until(() => ws.fake.count('price') === asked + 1);
		cancelA();
		expect((await a).error?.message).toBe(
			'The execution was cancelled; no further tasks were submitted',
		);
		release();
		const bResult = await b;
		expect(bResult.items.map((item) => item.json.cost)).toEqual([0.03, 0.03]);
		expect(ws.fake.priceRequests.length - asked).toBe(1);
		// A new kind of edit right after: the endpoint is asked, not skipped as failing.
		const c = await run('768');
		expect(c.items.map((item) => item.json.cost)).toEqual([0.03, 0.03]);
		expect(ws.fake.priceRequests.length - asked).toBe(2);
	});
});
