/**
 * WaveSpeed's per-minute acceptance limit ("limits reset every minute"): at most `perWindow`
 * tasks are accepted in a window of `windowMs`. A window opens with the first task accepted after
 * the previous one closed, so a batch that starts on a quiet account gets its full allowance at once.
 */
export class RateWindow {
	private openedAt = -Infinity;

	private acceptedInWindow = 0;

	/** Submits refused because the window was full (answered 429). */
	refused = 0;

	constructor(
		readonly perWindow = Infinity,
		readonly windowMs = 60_000,
	) {}

	/** Counts one task if the window has room; false means the submit must be answered 429. */
	tryAccept(now = Date.now()): boolean {
		if (now >= this.openedAt + this.windowMs) {
			this.openedAt = now;
			this.acceptedInWindow = 0;
		}
		if (this.acceptedInWindow >= this.perWindow) {
			this.refused++;
			return false;
		}
		this.acceptedInWindow++;
		return true;
	}
}
