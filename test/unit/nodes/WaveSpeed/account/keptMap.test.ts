import { KeptMap } from '../../../../../nodes/WaveSpeed/account/keptMap';

describe('KeptMap: what the package keeps in memory, and when it lets go', () => {
	test('holds at most maxEntries, dropping the least recently used', () => {
		const kept = new KeptMap<number>({ maxEntries: 2, renewOnRead: true });
		kept.set('a', 1, 0);
		kept.set('b', 2, 1);
		expect(kept.get('a', 2)).toBe(1);
		kept.set('c', 3, 3);
		expect(kept.get('b', 4)).toBeUndefined();
		expect(kept.get('a', 4)).toBe(1);
		expect(kept.get('c', 4)).toBe(3);
	});

	test('drops entries keepMs after they were set', () => {
		const kept = new KeptMap<number>({ maxEntries: 10, keepMs: 100 });
		kept.set('a', 1, 0);
		expect(kept.get('a', 99)).toBe(1);
		expect(kept.get('a', 100)).toBeUndefined();
	});

	test('with renewOnRead, a read starts the entry’s time again', () => {
		const kept = new KeptMap<number>({ maxEntries: 10, keepMs: 100, renewOnRead: true });
		kept.set('a', 1, 0);
		expect(kept.get('a', 90)).toBe(1);
		expect(kept.get('a', 180)).toBe(1);
		expect(kept.get('a', 280)).toBeUndefined();
	});

	test('without renewOnRead, reads do not keep an entry alive', () => {
		const kept = new KeptMap<number>({ maxEntries: 10, keepMs: 100 });
		kept.set('a', 1, 0);
		kept.get('a', 90);
		expect(kept.get('a', 100)).toBeUndefined();
	});

	test('deleteWhere drops the matching keys only', () => {
		const kept = new KeptMap<number>({ maxEntries: 10 });
		kept.set('run1/a', 1);
		kept.set('run1/b', 2);
		kept.set('run2/a', 3);
		kept.deleteWhere((key) => key.startsWith('run1/'));
		expect([kept.get('run1/a'), kept.get('run1/b'), kept.get('run2/a')]).toEqual([
			undefined,
			undefined,
			3,
		]);
	});
});
