export type Route =
	| 'submit'
	/** POST /api/v3/model/price */
	| 'price'
	/** POST /api/v3/model/pricing: the legacy pricing endpoint. */
	| 'pricing'
	/** GET /api/v3/models: the catalog. */
	| 'catalog'
	/** POST /api/v3/predictions: the prediction history. */
	| 'history'
	| 'poll'
	| 'upload'
	/** POST /api/v3/media/uploads: the upload ticket. */
	| 'uploadTicket'
	/** The PUT of a ticket's bytes, at the storage host. */
	| 'storagePut'
	| 'balance'
	| 'webhookSecret'
	| 'control'
	| 'output'
	| 'image'
	| 'other';

export type FaultAction =
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
	/** Close the connection without answering. */
	| { kind: 'reset' }
	/** Never answer (until the server closes). */
	| { kind: 'stall' }
	| { kind: 'notJson'; status?: number }
	| { kind: 'redirect'; location: string }
	/** Submit only: create the task (it runs and is billed), then answer as `then` says. */
	| { kind: 'acceptThen'; then: AcceptedThen }
	/**
	 * Not WaveSpeed's: a test hook (in-process only). Holds the request until `until` settles, then
	 * answers it as usual: a slow upload or price that a test can let go when it wants.
	 */
	| { kind: 'hold'; until: Promise<unknown> };

/**
 * How a submit WaveSpeed accepted (and billed) is answered when its answer is lost:
 * - `{status, body?}`: that HTTP status (e.g. a 5xx), body `body` or an "Internal server error" envelope;
 * - `'reset'`: the connection is closed without an answer;
 * - `'stall'`: no answer at all, until the server closes;
 * - `'nullData'`: HTTP 200 `{code:200, message:"success", data:null}`, no task id;
 * - `'notJson'`: HTTP 200 with a body that is not JSON.
 */
export type AcceptedThen =
	{ status: number; body?: unknown } | 'reset' | 'stall' | 'nullData' | 'notJson';

export interface FaultRule {
	route: Route;
	/** How many matching requests it applies to; default 1. */
	times?: number;
	action: FaultAction;
}

export interface RandomFaults {
	submit429Rate?: number;
	poll5xxRate?: number;
	/** Sent as Retry-After with random 429s, in seconds; omitted when undefined. */
	retryAfterSeconds?: number;
	seed?: number;
}

/** A small seeded generator, so a run with random faults is the same run every time. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultPlan {
	private rules: Array<FaultRule & { left: number }> = [];

	private random: () => number;

	constructor(private randomFaults: RandomFaults = {}) {
		this.random = seededRandom(randomFaults.seed ?? 1);
	}

	inject(rule: FaultRule) {
		this.rules.push({ ...rule, left: rule.times ?? 1 });
	}

	/** Drops the scripted rules not used up yet. */
	clear() {
		this.rules = [];
	}

	setRandom(randomFaults: RandomFaults) {
		this.randomFaults = randomFaults;
		this.random = seededRandom(randomFaults.seed ?? 1);
	}

	/** The fault for this request, if any; scripted rules first, then the random ones. */
	take(route: Route): FaultAction | undefined {
		const rule = this.rules.find((r) => r.route === route && r.left > 0);
		if (rule) {
			rule.left--;
			return rule.action;
		}
		const { submit429Rate = 0, poll5xxRate = 0, retryAfterSeconds } = this.randomFaults;
		if (route === 'submit' && submit429Rate > 0 && this.random() < submit429Rate) {
			return {
				kind: 'status',
				status: 429,
				body: { code: 429, message: 'Rate limit exceeded, please retry later', data: null },
				headers:
					retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
			};
		}
		if (route === 'poll' && poll5xxRate > 0 && this.random() < poll5xxRate) {
			const status = [500, 502, 503][Math.floor(this.random() * 3)];
			return {
				kind: 'status',
				status,
				body: { code: status, message: 'Upstream temporarily unavailable', data: null },
			};
		}
		return undefined;
	}
}
