/* eslint-disable no-console -- dev-only code, not in the published package */
/** Prints each check as it is made and the closing `N passed, N failed` line. */
export class Checks {
	passed = 0;

	failed = 0;

	record(ok: boolean, what: string, detail = ''): boolean {
		if (ok) this.passed++;
		else this.failed++;
		console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
		return ok;
	}

	/** Runs a step whose exception is a failed check, so the steps after it still run. */
	async step(what: string, run: () => Promise<string | boolean | void>): Promise<boolean> {
		const started = Date.now();
		const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
		try {
			const result = await run();
			const detail = typeof result === 'string' ? `${result} (${took()})` : took();
			return this.record(result !== false, what, detail);
		} catch (error) {
			return this.record(false, what, `${(error as Error).message.split('\n')[0]} (${took()})`);
		}
	}

	summary(): string {
		return `${this.passed} passed, ${this.failed} failed`;
	}
}
