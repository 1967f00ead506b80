/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Catalog, type CatalogModel, outputKindOf, requestSchemaOf } from './catalog';
import {
	type AcceptedThen,
	type FaultAction,
	FaultPlan,
	type FaultRule,
	type RandomFaults,
	type Route,
} from './faults';
import { historyPage, type HistoryOptions, parseHistoryQuery, selectHistory } from './history';
import { makePng, pngSize } from './png';
import {
	Balance,
	chargeOf,
	type ModelPrice,
	priceAnswer,
	priceOf,
	pricingAnswer,
	TEST_PRICES,
} from './pricing';
import { optimizedPrompt } from './promptOptimizer';
import { RateWindow } from './rateWindow';
import { firstImageOf, outputCountOf, requestedSize } from './schemaValidation';
import { callbackBody, publicTask, type TaskJsonContext } from './taskJson';
import { type FakeTask, type TaskClock, TaskStore } from './tasks';
import { TIER_WINDOW_MS, type TierName, TIERS } from './tiers';
import { checkSubmit } from './submitCheck';
import { LORA_MODELS } from './validateLoras';
import { type UploadAnswer, Uploads } from './uploads';
import { type CallbackTweak, WebhookSender } from './webhooks';

/**
 * Not WaveSpeed's: lets a test in another process see the callbacks sent (GET) and tweak the
 * next ones (POST, body: CallbackTweak[]).
 */
export const CONTROL_PATH = '/fake/webhooks';

/** The node's built-in models (the fake's catalog holds more: catalog.ts). */
export const MODELS = [
	'wavespeed-ai/flux-2-klein-base-9b/edit',
	'wavespeed-ai/flux-2-klein-base-4b/edit',
	...LORA_MODELS,
];

/** Not published: how long after acceptance a task can start. Our default, see TaskClock. */
export const DEFAULT_START_DELAY_MS = 100;

export { UPLOAD_TOKEN_HEADER, type StoredUpload, type UploadTicket } from './uploads';

/**
 * WaveSpeed's answer when `enable_base64_output` comes with `?webhook=` (its base64-output docs
 * page): HTTP 400, this bare `{error}` body, no task created.
 */
export const BASE64_WEBHOOK_ERROR =
	'webhook callback does not support base64 output, please use the normal API to use base64 output';

/** The only wording found for an exhausted balance ("Insufficient credits — top up"); ours in full. */
export const INSUFFICIENT_CREDITS_MESSAGE =
	'Insufficient credits. Please top up at https://wavespeed.ai/top-up';

/**
 * A permission failure as WaveSpeed's CLI and MCP server read it (`{message, error_code}`, no
 * `code`); 403 = account suspended or the key lacks permission (docs "Authentication"). The
 * wording is ours.
 */
export const SUSPENDED_BODY = {
	message: 'Your account has been suspended',
	error_code: 'ACCOUNT_SUSPENDED',
};

export interface FakeWaveSpeedOptions extends Partial<TaskClock> {
	apiKey?: string;
	/** zlib level of output PNGs; 0 makes big files (about 3 bytes a pixel). */
	outputCompression?: number;
	/**
	 * How long a sync-mode submit is held before WaveSpeed answers the 5004 "still processing" body
	 * (WaveSpeed: about 90 s, the SDKs' shared fixture). Tests set it small.
	 */
	syncHoldMs?: number;
	/** Old name of syncHoldMs (kept for callers that still pass it). */
	syncWaitMs?: number;
	/**
	 * A WaveSpeed account level ("Account Levels & Rate Limits"): sets `concurrency` and
	 * `ratePerWindow` (window 60 s unless `rateWindowMs` says otherwise); explicit ones win.
	 */
	tier?: TierName;
	/**
	 * Not WaveSpeed's: a test hook. false makes `POST /api/v3/media/uploads` answer 404 (an older or
	 * self-hosted gateway), so clients fall back to `/media/upload/binary`.
	 */
	uploadTickets?: boolean;
	/** Not WaveSpeed's: a test hook. Every API request answers 403 SUSPENDED_BODY. */
	suspended?: boolean;
	/** Not WaveSpeed's: a test hook. Submits answer 400 INSUFFICIENT_CREDITS_MESSAGE. */
	insufficientCredits?: boolean;
	/** The account's balance in USD, lowered per accepted task (default 1000). */
	balance?: number;
	/** Prices per model (default TEST_PRICES, test data). */
	prices?: Record<string, ModelPrice>;
	/** Waits before each callback retry (WaveSpeed retries 3 times); default 1 s, 2 s, 4 s. */
	callbackRetryMs?: number[];
	faults?: RandomFaults;
	/** Serve one pre-made PNG of this size for every output (keeps the fake's own memory flat). */
	sharedOutput?: { width: number; height: number };
	/** Tasks accepted per rate window (WaveSpeed: per minute); more are answered 429. Unlimited by default. */
	ratePerWindow?: number;
	rateWindowMs?: number;
	/** Not published, our choice: how long after acceptance a task shows in the history (default 0). */
	historyDelayMs?: number;
	/** WaveSpeed's clients read history inputs as `inputs` or `input`: which the fake sends (default `inputs`). */
	historyInputsKey?: HistoryOptions['inputsKey'];
	/**
	 * Not WaveSpeed's: a test hook. false makes `POST /api/v3/model/price` answer 404, so clients fall
	 * back to the legacy `/api/v3/model/pricing`.
	 */
	modelPrice?: boolean;
	/**
	 * Not WaveSpeed's rule, our choice (default true): a klein model without LoRAs refuses `loras`
	 * (400 "loras is not supported by …"), so a node that sends them cannot hide. WaveSpeed drops
	 * unknown keys instead (its CLI, `validate-inputs.ts`); false does that.
	 */
	refuseKleinLoras?: boolean;
}

export interface LoggedRequest {
	host: 'api' | 'output' | 'storage';
	method: string;
	path: string;
	route: Route;
	authorization?: string;
	/** X-Client-Name / X-Client-Version: every official WaveSpeed client sends them. */
	clientName?: string;
	clientVersion?: string;
	status?: number;
	at: number;
}

function listen(server: Server): Promise<string> {
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
		),
	);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

function routeOf(method: string, path: string): Route {
	// Reserved paths first: a model id can have two segments, like `model/price` (FACTS §1).
	if (path === '/api/v3/balance') return 'balance';
	if (path === '/api/v3/model/price') return 'price';
	if (path === '/api/v3/model/pricing') return 'pricing';
	if (path === '/api/v3/models') return 'catalog';
	if (path === '/api/v3/predictions') return 'history';
	if (path === '/api/v3/webhook/secret') return 'webhookSecret';
	if (path === CONTROL_PATH) return 'control';
	if (path === '/api/v3/media/upload/binary') return 'upload';
	if (path === '/api/v3/media/uploads') return 'uploadTicket';
	if (/^\/api\/v3\/predictions\/[^/]+\/result$/.test(path)) return 'poll';
	// The docs' own form, without `/result` (docs "How to Get Result"); WaveSpeed's clients use `/result`.
	if (method === 'GET' && /^\/api\/v3\/predictions\/[^/]+$/.test(path)) return 'poll';
	if (method === 'POST' && path.startsWith('/api/v3/')) return 'submit';
	if (path.startsWith('/outputs/') || path.startsWith('/uploads/')) return 'output';
	if (path.startsWith('/images/')) return 'image';
	return 'other';
}

/**
 * A fake WaveSpeed on 127.0.0.1 that follows the documented API: an API host and a separate
 * output host (so tests can prove the key never leaves the API host), real PNG outputs,
 * tasks on their own clock, uploads, and scripted or random faults.
 */
export class FakeWaveSpeed {
	readonly apiKey: string;

	url = '';

	outputUrl = '';

	/** The storage host upload tickets point at (not the API: it gets no key). */
	storageUrl = '';

	readonly events = new EventEmitter();

	readonly requests: LoggedRequest[] = [];

	/** The legacy upload, the upload tickets and the storage host (uploads.ts). */
	private readonly uploadApi = new Uploads({
		output: () => this.outputUrl,
		storage: () => this.storageUrl,
	});

	readonly uploads = this.uploadApi.stored;

	readonly uploadTickets = this.uploadApi.tickets;

	readonly faults: FaultPlan;

	readonly clock: TaskClock;

	readonly store: TaskStore;

	/** Signed callbacks to the `webhook` URL of a submit, with hooks to tweak them. */
	readonly webhooks: WebhookSender;

	readonly rateWindow: RateWindow;

	/** Tasks WaveSpeed accepted, i.e. what the user would be billed for. */
	acceptedTasks = 0;

	/** The account's balance, lowered by each accepted task's charge. */
	readonly balance: Balance;

	readonly prices: Record<string, ModelPrice>;

	/** What `POST /api/v3/model/price` was asked, in order. */
	readonly priceRequests: Array<{ modelId: string; inputs: unknown }> = [];

	/** What the legacy `POST /api/v3/model/pricing` was asked, in order. */
	readonly pricingRequests: Array<{ modelId: string; inputs: unknown }> = [];

	/** The models `GET /api/v3/models` lists and submits are checked against; remove() hides one. */
	readonly catalog = new Catalog();

	/** Not published, our choice: see FakeWaveSpeedOptions.historyDelayMs. */
	historyDelayMs: number;

	historyInputsKey: HistoryOptions['inputsKey'];

	/** Not WaveSpeed's: a test hook, see FakeWaveSpeedOptions.modelPrice. */
	modelPriceEnabled: boolean;

	/** Not WaveSpeed's rule: see FakeWaveSpeedOptions.refuseKleinLoras. */
	refuseKleinLoras: boolean;

	syncHoldMs: number;

	/** Old name of syncHoldMs. */
	get syncWaitMs(): number {
		return this.syncHoldMs;
	}

	set syncWaitMs(ms: number) {
		this.syncHoldMs = ms;
	}

	outputCompression: number;

	/** Not WaveSpeed's: a test hook, see FakeWaveSpeedOptions.uploadTickets. */
	uploadTicketsEnabled: boolean;

	/** Not WaveSpeed's: a test hook, see FakeWaveSpeedOptions.suspended. */
	suspended: boolean;

	/** Not WaveSpeed's: a test hook, see FakeWaveSpeedOptions.insufficientCredits. */
	insufficientCredits: boolean;

	private api = createServer((req, res) => void this.handleApi(req, res));

	private output = createServer((req, res) => void this.handleOutput(req, res));

	private storage = createServer((req, res) => void this.handleStorage(req, res));

	private outputs = new Map<string, Buffer>();

	private inputs = new Map<string, Buffer>();

	private sharedOutput?: Buffer;

	constructor(options: FakeWaveSpeedOptions = {}) {
		this.apiKey = options.apiKey ?? 'ws-test-key-0123456789abcdef';
		const tier = options.tier ? TIERS[options.tier] : undefined;
		this.clock = {
			taskMs: options.taskMs ?? 200,
			taskJitterMs: options.taskJitterMs ?? 0,
			concurrency: options.concurrency ?? tier?.running ?? 1000,
			startDelayMs: options.startDelayMs ?? DEFAULT_START_DELAY_MS,
		};
		this.historyDelayMs = options.historyDelayMs ?? 0;
		this.historyInputsKey = options.historyInputsKey ?? 'inputs';
		this.modelPriceEnabled = options.modelPrice ?? true;
		this.refuseKleinLoras = options.refuseKleinLoras ?? true;
		this.syncHoldMs = options.syncHoldMs ?? options.syncWaitMs ?? 90_000;
		this.outputCompression = options.outputCompression ?? 6;
		this.uploadTicketsEnabled = options.uploadTickets ?? true;
		this.suspended = options.suspended ?? false;
		this.insufficientCredits = options.insufficientCredits ?? false;
		this.balance = new Balance(options.balance ?? 1000);
		this.prices = { ...TEST_PRICES, ...options.prices };
		this.webhooks = new WebhookSender(options.callbackRetryMs);
		this.faults = new FaultPlan(options.faults);
		this.rateWindow = new RateWindow(
			options.ratePerWindow ?? tier?.perMinute,
			options.rateWindowMs ?? (tier ? TIER_WINDOW_MS : undefined),
		);
		if (options.sharedOutput) {
			this.sharedOutput = makePng(
				options.sharedOutput.width,
				options.sharedOutput.height,
				1,
				this.outputCompression,
			);
		}
		this.store = new TaskStore(
			this.clock,
			(task, n) =>
				task.outputKind === 'text'
					? optimizedPrompt(task.body)
					: `${this.outputUrl}/outputs/${task.id}/${n}.png`,
			(task) => {
				if (task.webhookUrl) this.webhooks.deliver(task.webhookUrl, callbackBody(task, this.json));
				this.events.emit('finished', task);
			},
			(task) => this.events.emit('started', task),
		);
	}

	static async start(options: FakeWaveSpeedOptions = {}): Promise<FakeWaveSpeed> {
		const fake = new FakeWaveSpeed(options);
		fake.url = await listen(fake.api);
		fake.json.apiUrl = fake.url;
		fake.outputUrl = await listen(fake.output);
		fake.storageUrl = await listen(fake.storage);
		return fake;
	}

	/** Not WaveSpeed's: a test hook. Every API request now answers 403 (account suspended). */
	suspend(suspended = true) {
		this.suspended = suspended;
	}

	/** Not WaveSpeed's: a test hook. Submits now answer 400 "Insufficient credits". */
	exhaustBalance(exhausted = true) {
		this.insufficientCredits = exhausted;
	}

	/** How many history requests (`POST /api/v3/predictions`) came. */
	get historyRequests(): number {
		return this.count('history');
	}

	/** How many catalog requests (`GET /api/v3/models`) came. */
	get catalogRequests(): number {
		return this.count('catalog');
	}

	/**
	 * When each check of a task (GET /api/v3/predictions/{id}/result) came, in ms since its submit.
	 * WaveSpeed's "How to Get Result" page (Task Result Polling Frequency) asks image tasks for at
	 * least 2 s between checks, increasing; the fake only records (WaveSpeed's reaction is not
	 * documented).
	 */
	checkTimes(taskId: string): number[] {
		const task = this.store.tasks.get(taskId);
		return task ? task.checks.map((at) => at - task.createdAt) : [];
	}

	/** How many gaps between checks of one task (submit → first check included) were under `ms`, over all tasks. */
	checkGapsUnder(ms = 2000): number {
		let count = 0;
		for (const task of this.store.tasks.values()) {
			let previous = task.createdAt;
			for (const at of task.checks) {
				if (at - previous < ms) count++;
				previous = at;
			}
		}
		return count;
	}

	/** PUTs at the storage host that carried an Authorization header (the key must not go there). */
	get storageAuthorizationSeen(): number {
		return this.requests.filter((r) => r.host === 'storage' && r.authorization !== undefined)
			.length;
	}

	inject(rule: FaultRule) {
		this.faults.inject(rule);
	}

	get tasks(): FakeTask[] {
		return this.store.all();
	}

	count(route: Route, host: LoggedRequest['host'] = 'api'): number {
		return this.requests.filter((r) => r.route === route && r.host === host).length;
	}

	/** Resolves once `predicate` holds; checked after every request and every started or finished task. */
	async until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
		if (predicate()) return;
		await new Promise<void>((resolve, reject) => {
			const check = () => {
				if (!predicate()) return;
				cleanup();
				resolve();
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error('fake WaveSpeed: condition not reached in time'));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				for (const event of ['arrived', 'request', 'started', 'finished'])
					this.events.off(event, check);
			};
			for (const event of ['arrived', 'request', 'started', 'finished'])
				this.events.on(event, check);
		});
	}

	async close() {
		this.store.close();
		for (const server of [this.api, this.output, this.storage]) {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	}

	private log(host: LoggedRequest['host'], req: IncomingMessage, route: Route): LoggedRequest {
		const entry: LoggedRequest = {
			host,
			method: req.method ?? 'GET',
			path: (req.url ?? '/').split('?')[0],
			route,
			authorization: req.headers.authorization,
			clientName: header(req, 'x-client-name'),
			clientVersion: header(req, 'x-client-version'),
			at: Date.now(),
		};
		this.requests.push(entry);
		this.events.emit('arrived', entry);
		return entry;
	}

	private send(
		res: ServerResponse,
		entry: LoggedRequest,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	) {
		entry.status = status;
		const isBuffer = Buffer.isBuffer(body);
		res.writeHead(status, {
			'content-type': isBuffer ? 'image/png' : 'application/json',
			...headers,
		});
		res.end(isBuffer ? body : JSON.stringify(body));
		this.events.emit('request', entry);
	}

	private envelope(
		res: ServerResponse,
		entry: LoggedRequest,
		status: number,
		message: string,
		data: unknown = null,
	) {
		this.send(res, entry, status, { code: status, message, data });
	}

	/** Waits out a `hold`: the request is then answered as if no fault were planned. */
	private async held(action: FaultAction | undefined): Promise<FaultAction | undefined> {
		if (action?.kind !== 'hold') return action;
		await action.until.catch(() => undefined);
		return undefined;
	}

	/** Applies a scripted fault; true when the request is taken care of. */
	private applyFault(
		action: FaultAction | undefined,
		res: ServerResponse,
		entry: LoggedRequest,
	): boolean {
		if (!action || action.kind === 'acceptThen' || action.kind === 'hold') return false;
		if (action.kind === 'status') {
			this.send(
				res,
				entry,
				action.status,
				action.body ?? { code: action.status, message: 'Injected failure', data: null },
				action.headers,
			);
		} else if (action.kind === 'notJson') {
			entry.status = action.status ?? 502;
			res.writeHead(entry.status, { 'content-type': 'text/html' });
			res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
			this.events.emit('request', entry);
		} else if (action.kind === 'redirect') {
			entry.status = 302;
			res.writeHead(302, { location: action.location });
			res.end();
			this.events.emit('request', entry);
		} else if (action.kind === 'reset') {
			res.socket?.destroy();
			this.events.emit('request', entry);
		} else {
			this.events.emit('request', entry);
		}
		return true;
	}

	/** How tasks are shown (taskJson.ts): the API's address, and an output's bytes for base64. */
	private readonly json: TaskJsonContext = {
		apiUrl: '',
		outputBytes: (task, n) =>
			task.outputKind === 'text' ? Buffer.from(task.outputs[n]) : this.outputPng(task, n),
	};

	/** A test input image; made once per size, as its bytes never change. */
	private inputPng(width: number, height: number): Buffer {
		const key = `${width}x${height}`;
		let png = this.inputs.get(key);
		if (!png) {
			png = makePng(width, height, 7);
			this.inputs.set(key, png);
		}
		return png;
	}

	private outputPng(task: FakeTask, n: number): Buffer {
		if (this.sharedOutput) return this.sharedOutput;
		const key = `${task.id}/${n}`;
		let png = this.outputs.get(key);
		if (!png) {
			png = makePng(task.width, task.height, task.seed + n, this.outputCompression);
			this.outputs.set(key, png);
		}
		return png;
	}

	private async handleApi(req: IncomingMessage, res: ServerResponse) {
		const path = (req.url ?? '/').split('?')[0];
		const route = routeOf(req.method ?? 'GET', path);
		const entry = this.log('api', req, route);
		const body = await readBody(req);
		// 401 = a wrong key, or one not activated yet by a top-up (docs "Authentication").
		if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
			return this.envelope(res, entry, 401, 'Unauthorized: invalid or missing API key');
		}
		// 403 = account suspended or the key lacks permission (docs "Authentication").
		if (this.suspended && route !== 'control') return this.send(res, entry, 403, SUSPENDED_BODY);
		const fault = await this.held(this.faults.take(route));
		if (this.applyFault(fault, res, entry)) return;
		if (route === 'balance')
			return this.envelope(res, entry, 200, 'success', { balance: this.balance.dollars });
		if (route === 'price' || route === 'pricing') return this.handlePrice(route, body, res, entry);
		if (route === 'catalog') return this.handleCatalog(req, res, entry);
		if (route === 'history') return this.handleHistory(req, body, res, entry);
		if (route === 'control') {
			if (req.method === 'POST')
				this.webhooks.tweakNext(...(JSON.parse(body.toString('utf8')) as CallbackTweak[]));
			const deliveries = this.webhooks.deliveries.map(({ taskId, webhookId, status, attempt }) => ({
				taskId,
				webhookId,
				status,
				attempt,
			}));
			return this.envelope(res, entry, 200, 'success', {
				accepted: this.acceptedTasks,
				deliveries,
			});
		}
		if (route === 'webhookSecret')
			return this.envelope(res, entry, 200, 'success', { secret: this.webhooks.secret });
		if (route === 'upload')
			return this.answer(res, entry, this.uploadApi.binary(body, req.headers));
		if (route === 'uploadTicket') {
			if (!this.uploadTicketsEnabled)
				return this.envelope(res, entry, 404, `No route ${req.method} ${path}`);
			if (req.method !== 'POST') return this.envelope(res, entry, 405, 'Method not allowed');
			return this.answer(res, entry, this.uploadApi.ticket(body));
		}
		if (route === 'poll') return this.handlePoll(path, res, entry);
		if (route === 'submit') {
			if (this.insufficientCredits) {
				// An exhausted balance: HTTP 400 in the envelope (wording: INSUFFICIENT_CREDITS_MESSAGE).
				return this.envelope(res, entry, 400, INSUFFICIENT_CREDITS_MESSAGE);
			}
			const webhookUrl = new URL(req.url ?? '/', this.url).searchParams.get('webhook') ?? undefined;
			return this.handleSubmit(path, body, res, entry, fault, webhookUrl);
		}
		return this.envelope(res, entry, 404, `No route ${req.method} ${path}`);
	}

	/** The storage host an upload ticket points at (uploads.ts put). */
	private async handleStorage(req: IncomingMessage, res: ServerResponse) {
		const path = (req.url ?? '/').split('?')[0];
		const entry = this.log('storage', req, 'storagePut');
		const body = await readBody(req);
		if (this.applyFault(await this.held(this.faults.take('storagePut')), res, entry)) return;
		this.answer(res, entry, this.uploadApi.put(req.method ?? 'GET', path, req.headers, body));
	}

	private answer(res: ServerResponse, entry: LoggedRequest, answer: UploadAnswer) {
		if ('message' in answer)
			return this.envelope(res, entry, answer.status, answer.message, answer.data);
		entry.status = answer.status;
		res.writeHead(answer.status);
		res.end();
		this.events.emit('request', entry);
	}

	private handlePoll(path: string, res: ServerResponse, entry: LoggedRequest) {
		const id = decodeURIComponent(path.split('/')[4]);
		const task = this.store.get(id);
		if (!task) return this.envelope(res, entry, 404, `Prediction ${id} not found`);
		task.polls++;
		task.checks.push(Date.now());
		if (task.status === 'completed' && task.firstSeenCompletedAt === undefined)
			task.firstSeenCompletedAt = Date.now();
		const base64 = task.body.enable_base64_output === true;
		return this.envelope(res, entry, 200, 'success', publicTask(task, base64, this.json));
	}

	/** `GET /api/v3/models`: one unpaginated list (FACTS §7; WaveSpeed's CLI and desktop app). */
	private handleCatalog(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest) {
		if (req.method !== 'GET') return this.envelope(res, entry, 405, 'Method not allowed');
		return this.envelope(res, entry, 200, 'success', this.catalog.list());
	}

	/** `POST /api/v3/predictions`: the prediction history (history.ts). */
	private handleHistory(
		req: IncomingMessage,
		raw: Buffer,
		res: ServerResponse,
		entry: LoggedRequest,
	) {
		if (req.method !== 'POST') return this.envelope(res, entry, 405, 'Method not allowed');
		let query: ReturnType<typeof parseHistoryQuery>;
		try {
			query = parseHistoryQuery(JSON.parse(raw.toString('utf8')));
		} catch {
			return this.envelope(res, entry, 400, 'Request body is not valid JSON');
		}
		if (typeof query === 'string') return this.envelope(res, entry, 400, query);
		const now = Date.now();
		const tasks = selectHistory(this.store.all(now), query, {
			now,
			delayMs: this.historyDelayMs,
		});
		const show = (task: FakeTask) => publicTask(task, false, this.json);
		const page = historyPage(tasks, query, show, this.historyInputsKey);
		return this.envelope(res, entry, 200, 'success', page);
	}

	/**
	 * `POST /api/v3/model/price` → `{model_id, price, discounted_price, discount_rate?, currency}` and
	 * the legacy `POST /api/v3/model/pricing` → `{model_id, unit_price, currency}` (FACTS §6), both
	 * `{model_id, inputs}`, for every catalog model (pricing.ts priceOf).
	 */
	private handlePrice(
		endpoint: 'price' | 'pricing',
		raw: Buffer,
		res: ServerResponse,
		entry: LoggedRequest,
	) {
		if (endpoint === 'price' && !this.modelPriceEnabled)
			return this.envelope(res, entry, 404, `No route POST ${entry.path}`);
		let body: { model_id?: unknown; inputs?: unknown };
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			return this.envelope(res, entry, 400, 'Request body is not valid JSON');
		}
		const model = typeof body.model_id === 'string' ? this.catalog.get(body.model_id) : undefined;
		if (!model) return this.envelope(res, entry, 404, `Unknown model ${String(body.model_id)}`);
		const asked = endpoint === 'price' ? this.priceRequests : this.pricingRequests;
		asked.push({ modelId: model.model_id, inputs: body.inputs });
		const price = priceOf(model, body.inputs, this.prices);
		const answer = endpoint === 'price' ? priceAnswer : pricingAnswer;
		return this.envelope(res, entry, 200, 'success', answer(model.model_id, price));
	}

	private async handleSubmit(
		path: string,
		raw: Buffer,
		res: ServerResponse,
		entry: LoggedRequest,
		fault?: FaultAction,
		webhookUrl?: string,
	) {
		const modelId = path.slice('/api/v3/'.length);
		const model = this.catalog.get(modelId);
		// An unknown (or removed) model: not published; ours is a 404 envelope.
		if (!model) return this.envelope(res, entry, 404, `Unknown model ${modelId}`);
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			return this.envelope(res, entry, 400, 'Request body is not valid JSON');
		}
		if (body.enable_base64_output === true && webhookUrl !== undefined) {
			return this.send(res, entry, 400, { error: BASE64_WEBHOOK_ERROR });
		}
		const problem = checkSubmit(model, body, { refuseKleinLoras: this.refuseKleinLoras });
		if (problem) return this.envelope(res, entry, 400, problem);
		const size = await this.outputSize(model, body);
		if (typeof size === 'string') return this.envelope(res, entry, 400, size);
		if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) {
			return this.envelope(res, entry, 400, 'webhook must be an http(s) URL');
		}
		if (!this.rateWindow.tryAccept()) {
			return this.envelope(
				res,
				entry,
				429,
				`Too many requests: at most ${this.rateWindow.perWindow} tasks per minute`,
			);
		}
		// A task is paid when WaveSpeed accepts it, at its quoted price; a short balance refuses it.
		if (!this.balance.charge(chargeOf(priceOf(model, body, this.prices)))) {
			return this.envelope(res, entry, 400, INSUFFICIENT_CREDITS_MESSAGE);
		}
		const task = this.store.create({
			model: modelId,
			body,
			...size,
			webhookUrl,
			outputCount: outputCountOf(requestSchemaOf(model), body),
			outputKind: outputKindOf(model),
		});
		this.acceptedTasks++;
		this.events.emit('submitted', task);
		if (fault?.kind === 'acceptThen') return this.answerLost(fault.then, res, entry);
		const base64 = body.enable_base64_output === true;
		// The answer says `created` (docs "How to Submit Task": "Initial status (created)"): the task
		// starts later (TaskStore), never inside the submit.
		if (body.enable_sync_mode !== true)
			return this.envelope(res, entry, 200, 'success', publicTask(task, base64, this.json));
		await this.settledOrTimeout(task);
		if (task.completedAt === undefined) {
			// WaveSpeed's answer when the hold ends first: HTTP 200, code 5004 inside data (the
			// fixture shared by the Go, Python and Java SDK tests). Its text names the hold in seconds.
			const seconds = Number((this.syncHoldMs / 1000).toFixed(3));
			return this.envelope(res, entry, 200, 'success', {
				id: task.id,
				status: 'processing',
				code: 5004,
				error: `Sync mode timed out after ${seconds} seconds. The prediction is still processing asynchronously.`,
				urls: { get: `${this.url}/api/v3/predictions/${task.id}/result` },
				outputs: [],
			});
		}
		if (task.status === 'completed') task.firstSeenCompletedAt ??= Date.now();
		return this.envelope(res, entry, 200, 'success', publicTask(task, base64, this.json));
	}

	/** The answer to a submit WaveSpeed accepted and billed, lost as the fault says (faults.ts AcceptedThen). */
	private answerLost(then: AcceptedThen, res: ServerResponse, entry: LoggedRequest) {
		if (then === 'reset') {
			res.socket?.destroy();
			return this.events.emit('request', entry);
		}
		// No answer at all: the request stays open until the server closes.
		if (then === 'stall') return this.events.emit('request', entry);
		if (then === 'nullData') return this.envelope(res, entry, 200, 'success', null);
		if (then === 'notJson') {
			entry.status = 200;
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<html><body>OK</body></html>');
			return this.events.emit('request', entry);
		}
		if (then.body !== undefined) return this.send(res, entry, then.status, then.body);
		return this.envelope(res, entry, then.status, 'Internal server error');
	}

	private settledOrTimeout(task: FakeTask): Promise<void> {
		return new Promise((resolve) => {
			const done = (finished: FakeTask) => finished === task && finish();
			const timer = setTimeout(() => finish(), this.syncHoldMs);
			const finish = () => {
				clearTimeout(timer);
				this.events.off('finished', done);
				resolve();
			};
			this.events.on('finished', done);
		});
	}

	/**
	 * The output size: the `size` asked for (or the schema's default), else the first input image's
	 * size, whatever the model calls its image field (schemaValidation.ts firstImageOf); a string is
	 * a 400 message. A model with neither gets 1024*1024 (our choice); the optimizer answers text.
	 */
	private async outputSize(
		model: CatalogModel,
		body: Record<string, unknown>,
	): Promise<{ width: number; height: number } | string> {
		if (outputKindOf(model) === 'text') return { width: 0, height: 0 };
		const schema = requestSchemaOf(model);
		const asked = requestedSize(schema, body);
		if (asked) return asked;
		const image = firstImageOf(schema, body);
		if (!image) return { width: 1024, height: 1024 };
		const bytes = await this.fetchImage(image.url);
		const size = bytes && pngSize(bytes);
		return size ?? `${image.field}: could not read ${image.url}`;
	}

	private async fetchImage(url: string): Promise<Buffer | undefined> {
		try {
			const response = await fetch(url);
			return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
		} catch {
			return undefined;
		}
	}

	private async handleOutput(req: IncomingMessage, res: ServerResponse) {
		const path = (req.url ?? '/').split('?')[0];
		const route = routeOf(req.method ?? 'GET', path);
		const entry = this.log('output', req, route);
		await readBody(req);
		if (this.applyFault(this.faults.take(route), res, entry)) return;
		const image = /^\/images\/(\d+)x(\d+)\.png$/.exec(path);
		if (image) return this.send(res, entry, 200, this.inputPng(Number(image[1]), Number(image[2])));
		const upload = /^\/uploads\/([^/]+)\//.exec(path);
		if (upload && this.uploads.has(upload[1])) {
			const stored = this.uploads.get(upload[1])!;
			return this.send(res, entry, 200, stored.data, {
				'content-type': stored.contentType ?? 'application/octet-stream',
			});
		}
		const output = /^\/outputs\/([^/]+)\/(\d+)\.png$/.exec(path);
		const task = output && this.store.get(output[1]);
		if (task && Number(output![2]) < task.outputs.length)
			return this.send(res, entry, 200, this.outputPng(task, Number(output![2])));
		return this.envelope(res, entry, 404, 'Not found');
	}
}
