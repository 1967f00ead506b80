/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	type FaultAction,
	FaultPlan,
	type FaultRule,
	type RandomFaults,
	type Route,
} from './faults';
import { parseMultipart } from './multipart';
import { makePng, pngSize } from './png';
import { RateWindow } from './rateWindow';
import { type FakeTask, type TaskClock, TaskStore } from './tasks';
import { LORA_MODELS, validateLoras } from './validateLoras';
import { validateSubmit } from './validateSubmit';
import { type CallbackTweak, WebhookSender } from './webhooks';

/**
 * Not WaveSpeed's: lets a test in another process see the callbacks sent (GET) and tweak the
 * next ones (POST, body: CallbackTweak[]).
 */
export const CONTROL_PATH = '/fake/webhooks';

export const MODELS = [
	'wavespeed-ai/flux-2-klein-base-9b/edit',
	'wavespeed-ai/flux-2-klein-base-4b/edit',
	...LORA_MODELS,
];

export interface FakeWaveSpeedOptions extends Partial<TaskClock> {
	apiKey?: string;
	/** zlib level of output PNGs; 0 makes big files (about 3 bytes a pixel). */
	outputCompression?: number;
	/** How long a sync-mode submit is held before the gateway gives up (504 with the task id). */
	syncWaitMs?: number;
	faults?: RandomFaults;
	/** Serve one pre-made PNG of this size for every output (keeps the fake's own memory flat). */
	sharedOutput?: { width: number; height: number };
	/** Tasks accepted per rate window (WaveSpeed: per minute); more are answered 429. Unlimited by default. */
	ratePerWindow?: number;
	rateWindowMs?: number;
}

export interface LoggedRequest {
	host: 'api' | 'output';
	method: string;
	path: string;
	route: Route;
	authorization?: string;
	status?: number;
	at: number;
}

export interface StoredUpload {
	id: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
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

function routeOf(method: string, path: string): Route {
	if (path === '/api/v3/balance') return 'balance';
	if (path === '/api/v3/webhook/secret') return 'webhookSecret';
	if (path === CONTROL_PATH) return 'control';
	if (path === '/api/v3/media/upload/binary') return 'upload';
	if (/^\/api\/v3\/predictions\/[^/]+\/result$/.test(path)) return 'poll';
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

	readonly events = new EventEmitter();

	readonly requests: LoggedRequest[] = [];

	readonly uploads = new Map<string, StoredUpload>();

	readonly faults: FaultPlan;

	readonly clock: TaskClock;

	readonly store: TaskStore;

	/** Signed callbacks to the `webhook` URL of a submit, with hooks to tweak them. */
	readonly webhooks = new WebhookSender();

	readonly rateWindow: RateWindow;

	/** Tasks WaveSpeed accepted, i.e. what the user would be billed for. */
	acceptedTasks = 0;

	syncWaitMs: number;

	outputCompression: number;

	private api = createServer((req, res) => void this.handleApi(req, res));

	private output = createServer((req, res) => void this.handleOutput(req, res));

	private outputs = new Map<string, Buffer>();

	private inputs = new Map<string, Buffer>();

	private sharedOutput?: Buffer;

	constructor(options: FakeWaveSpeedOptions = {}) {
		this.apiKey = options.apiKey ?? 'ws-test-key-0123456789abcdef';
		this.clock = {
			taskMs: options.taskMs ?? 200,
			taskJitterMs: options.taskJitterMs ?? 0,
			concurrency: options.concurrency ?? 1000,
		};
		this.syncWaitMs = options.syncWaitMs ?? 30_000;
		this.outputCompression = options.outputCompression ?? 6;
		this.faults = new FaultPlan(options.faults);
		this.rateWindow = new RateWindow(options.ratePerWindow, options.rateWindowMs);
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
			(task, n) => `${this.outputUrl}/outputs/${task.id}/${n}.png`,
			(task) => {
				if (task.webhookUrl) this.webhooks.deliver(task.webhookUrl, this.callbackBody(task));
				this.events.emit('finished', task);
			},
		);
	}

	static async start(options: FakeWaveSpeedOptions = {}): Promise<FakeWaveSpeed> {
		const fake = new FakeWaveSpeed(options);
		fake.url = await listen(fake.api);
		fake.outputUrl = await listen(fake.output);
		return fake;
	}

	inject(rule: FaultRule) {
		this.faults.inject(rule);
	}

	get tasks(): FakeTask[] {
		return [...this.store.tasks.values()];
	}

	count(route: Route, host: LoggedRequest['host'] = 'api'): number {
		return this.requests.filter((r) => r.route === route && r.host === host).length;
	}

	/** Resolves once `predicate` holds; checked after every request and every finished task. */
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
				this.events.off('request', check);
				this.events.off('finished', check);
			};
			this.events.on('request', check);
			this.events.on('finished', check);
		});
	}

	async close() {
		this.store.close();
		for (const server of [this.api, this.output]) {
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
			at: Date.now(),
		};
		this.requests.push(entry);
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

	/** Applies a scripted fault; true when the request is taken care of. */
	private applyFault(
		action: FaultAction | undefined,
		res: ServerResponse,
		entry: LoggedRequest,
	): boolean {
		if (!action || action.kind === 'acceptThen') return false;
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

	private publicTask(task: FakeTask, base64: boolean) {
		return {
			id: task.id,
			model: task.model,
			status: task.status,
			outputs: base64
				? task.outputs.map((_, n) => this.outputPng(task, n).toString('base64'))
				: task.outputs,
			error: task.error ?? '',
			timings:
				task.completedAt && task.startedAt ? { inference: task.completedAt - task.startedAt } : {},
			created_at: new Date(task.createdAt).toISOString(),
			has_nsfw_contents: task.outputs.map(() => false),
			urls: { get: `${this.url}/api/v3/predictions/${task.id}/result` },
		};
	}

	/** A webhook callback's body: the bare task object, as WaveSpeed documents it. */
	private callbackBody(task: FakeTask) {
		const { id, model, status, error, created_at, has_nsfw_contents, urls, timings } =
			this.publicTask(task, false);
		return {
			id,
			model,
			input: task.body,
			...(status === 'completed' ? { outputs: task.outputs } : {}),
			urls,
			has_nsfw_contents,
			status,
			created_at,
			error,
			executionTime: timings.inference ?? 0,
			timings,
		};
	}

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
		if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
			return this.envelope(res, entry, 401, 'Unauthorized: invalid or missing API key');
		}
		const fault = this.faults.take(route);
		if (this.applyFault(fault, res, entry)) return;
		if (route === 'balance') return this.envelope(res, entry, 200, 'success', { balance: 12.5 });
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
		if (route === 'upload') return this.handleUpload(body, req, res, entry);
		if (route === 'poll') return this.handlePoll(path, res, entry);
		if (route === 'submit') {
			const webhookUrl = new URL(req.url ?? '/', this.url).searchParams.get('webhook') ?? undefined;
			return this.handleSubmit(path, body, res, entry, fault, webhookUrl);
		}
		return this.envelope(res, entry, 404, `No route ${req.method} ${path}`);
	}

	private handleUpload(
		body: Buffer,
		req: IncomingMessage,
		res: ServerResponse,
		entry: LoggedRequest,
	) {
		const file = parseMultipart(body, req.headers['content-type']).find((p) => p.name === 'file');
		if (!file || file.data.length === 0)
			return this.envelope(res, entry, 400, 'Missing file field "file"');
		if (file.data.length > 20 * 1024 * 1024)
			return this.envelope(res, entry, 413, 'File exceeds 20 MB');
		const id = `u${this.uploads.size + 1}`;
		this.uploads.set(id, {
			id,
			fileName: file.fileName,
			contentType: file.contentType,
			data: file.data,
		});
		const name = encodeURIComponent(file.fileName ?? 'file');
		return this.envelope(res, entry, 200, 'success', {
			type: 'image',
			download_url: `${this.outputUrl}/uploads/${id}/${name}`,
			filename: file.fileName,
			size: file.data.length,
		});
	}

	private handlePoll(path: string, res: ServerResponse, entry: LoggedRequest) {
		const id = decodeURIComponent(path.split('/')[4]);
		const task = this.store.tasks.get(id);
		if (!task) return this.envelope(res, entry, 404, `Prediction ${id} not found`);
		task.polls++;
		if (task.status === 'completed' && task.firstSeenCompletedAt === undefined)
			task.firstSeenCompletedAt = Date.now();
		return this.envelope(
			res,
			entry,
			200,
			'success',
			this.publicTask(task, task.body.enable_base64_output === true),
		);
	}

	private async handleSubmit(
		path: string,
		raw: Buffer,
		res: ServerResponse,
		entry: LoggedRequest,
		fault?: FaultAction,
		webhookUrl?: string,
	) {
		const model = path.slice('/api/v3/'.length);
		if (!MODELS.includes(model)) return this.envelope(res, entry, 404, `Unknown model ${model}`);
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			return this.envelope(res, entry, 400, 'Request body is not valid JSON');
		}
		const problem = validateSubmit(body) ?? validateLoras(model, body);
		if (problem) return this.envelope(res, entry, 400, problem);
		const size = await this.outputSize(body);
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
		const task = this.store.create(model, body, size.width, size.height, webhookUrl);
		this.acceptedTasks++;
		this.events.emit('submitted', task);
		if (fault?.kind === 'acceptThen') {
			if (fault.then === 'reset') {
				res.socket?.destroy();
				return this.events.emit('request', entry);
			}
			return this.envelope(res, entry, fault.then.status, 'Internal server error');
		}
		const base64 = body.enable_base64_output === true;
		if (body.enable_sync_mode !== true)
			return this.envelope(res, entry, 200, 'success', this.publicTask(task, base64));
		await this.settledOrTimeout(task);
		if (task.status === 'processing' || task.status === 'created') {
			return this.envelope(res, entry, 504, 'Gateway timeout: the task is still running', {
				id: task.id,
				status: task.status,
			});
		}
		if (task.status === 'completed') task.firstSeenCompletedAt ??= Date.now();
		return this.envelope(res, entry, 200, 'success', this.publicTask(task, base64));
	}

	private settledOrTimeout(task: FakeTask): Promise<void> {
		return new Promise((resolve) => {
			const done = (finished: FakeTask) => finished === task && finish();
			const timer = setTimeout(() => finish(), this.syncWaitMs);
			const finish = () => {
				clearTimeout(timer);
				this.events.off('finished', done);
				resolve();
			};
			this.events.on('finished', done);
		});
	}

	/** The requested size, or image1's when none is sent; a string is a 400 message. */
	private async outputSize(
		body: Record<string, unknown>,
	): Promise<{ width: number; height: number } | string> {
		if (typeof body.size === 'string') {
			const [width, height] = body.size.split('*').map(Number);
			return { width, height };
		}
		const image1 = String((body.images as string[])[0]);
		const bytes = await this.fetchImage(image1);
		const size = bytes && pngSize(bytes);
		return size ?? `Could not read image1 (${image1})`;
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
		const task = output && this.store.tasks.get(output[1]);
		if (task && Number(output![2]) < task.outputs.length)
			return this.send(res, entry, 200, this.outputPng(task, Number(output![2])));
		return this.envelope(res, entry, 404, 'Not found');
	}
}
