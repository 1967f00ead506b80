import type { FakeWaveSpeed } from '../../../../devkit/fake-wavespeed/server';

/** The JSON a route answered, with its HTTP status. */
export interface Answer<T = unknown> {
	status: number;
	json: { code: number; message: string; data: T };
}

/** Real HTTP requests to a fake WaveSpeed with its key, as a client sends them. */
export function client(fake: () => FakeWaveSpeed) {
	const api = (path: string, init: RequestInit = {}) =>
		fetch(`${fake().url}${path}`, {
			...init,
			headers: {
				authorization: `Bearer ${fake().apiKey}`,
				'content-type': 'application/json',
				...(init.headers as Record<string, string>),
			},
		});
	const post = async <T = unknown>(path: string, body: unknown): Promise<Answer<T>> => {
		const response = await api(path, { method: 'POST', body: JSON.stringify(body) });
		return { status: response.status, json: (await response.json()) as Answer<T>['json'] };
	};
	const get = async <T = unknown>(path: string): Promise<Answer<T>> => {
		const response = await api(path);
		return { status: response.status, json: (await response.json()) as Answer<T>['json'] };
	};
	/** Only the HTTP status; the body is read, so no connection stays open. */
	const status = async (path: string, init: RequestInit = {}) => {
		const response = await api(path, init);
		await response.arrayBuffer().catch(() => undefined);
		return response.status;
	};
	/** A test input image of this size, served by the fake's output host. */
	const image = (width = 256, height = 256) => `${fake().outputUrl}/images/${width}x${height}.png`;
	return { api, post, get, status, image };
}

export interface TaskData {
	id: string;
	model: string;
	status: string;
	outputs: unknown[];
	error: string;
	timings: { inference?: number };
	created_at: string;
	has_nsfw_contents: boolean[];
	urls: { get: string };
}
