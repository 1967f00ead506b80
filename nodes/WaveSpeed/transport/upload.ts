import type { IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { endpointAbsent, isTransient, outcomeOf } from '../errors';
import { backoffDelay, pause } from '../timing';
import { ENDPOINTS, type WaveSpeedClient } from './client';
import { excerpt, networkCode } from './responses';

const UPLOAD_ATTEMPTS = 4;
const STORAGE_TIMEOUT_MS = 120_000;

/** n8n's plain request helper: it adds no credentials, so the storage host never sees the key. */
export type StorageHelpers = Pick<IExecuteFunctions['helpers'], 'httpRequest'>;

/** What is known, per account, of the upload routes its gateway offers. */
export interface UploadRoutes {
	/** Set when the ticket endpoint answered 404/405 (an older or self-hosted gateway). */
	ticketsAbsent?: boolean;
}

/** One image to upload. */
export interface UploadFile {
	name: string;
	type: string;
	size: number;
	/** Its bytes, or a File that streams them from n8n's binary store as they are sent. */
	content: Buffer | File;
}

/** WaveSpeed's answer to `POST /api/v3/media/uploads`: where to PUT the bytes, and where they will be. */
interface UploadTicket {
	download_url?: string;
	upload?: { method?: string; url?: string; headers?: Record<string, string> };
}

/**
 * Uploads one image and returns its download URL, through WaveSpeed's current upload API (the
 * one its Python, Java and npm SDKs use since 2026): a ticket from the API, then the bytes PUT to
 * the storage host the ticket names, with the ticket's headers and no Authorization header.
 * Falls back to the older multipart `/media/upload/binary` where the ticket endpoint is absent.
 * An upload is free and creates no task, so any transient failure may be retried. It runs on its
 * own time limits: an upload is shared by every item and execution that sends the same image.
 */
export async function uploadImage(
	client: WaveSpeedClient,
	storage: StorageHelpers,
	file: UploadFile,
	routes: UploadRoutes,
): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		const sent = await outcomeOf(uploadOnce(client, storage, file, routes));
		if (sent.ok) return sent.value;
		if (!isTransient(sent.error) || attempt + 1 >= UPLOAD_ATTEMPTS) throw sent.error;
		await pause(sent.error.retryAfterMs ?? backoffDelay(attempt, 500, 5000));
	}
}

async function uploadOnce(
	client: WaveSpeedClient,
	storage: StorageHelpers,
	file: UploadFile,
	routes: UploadRoutes,
): Promise<string> {
	if (!routes.ticketsAbsent) {
		const url = await uploadWithTicket(client, storage, file);
		if (url !== undefined) return url;
		routes.ticketsAbsent = true;
	}
	return await uploadMultipart(client, file);
}

/** The download URL, or undefined when this gateway has no ticket endpoint. */
async function uploadWithTicket(
	client: WaveSpeedClient,
	storage: StorageHelpers,
	file: UploadFile,
): Promise<string | undefined> {
	const asked = await outcomeOf(
		client.call<UploadTicket | null>({
			method: 'POST',
			path: ENDPOINTS.uploadTicket,
			body: { filename: file.name, size: file.size, content_type: file.type },
		}),
	);
	if (!asked.ok) {
		if (endpointAbsent(asked.error)) return undefined;
		throw asked.error;
	}
	const ticket = asked.value;
	const { download_url: downloadUrl, upload } = ticket ?? {};
	if (!downloadUrl || !upload?.url || (upload.method ?? 'PUT').toUpperCase() !== 'PUT') {
		throw client.fail(
			'badResponse',
			'WaveSpeed answered the upload request without a download_url and a PUT address',
		);
	}
	await putToStorage(client, storage, file, upload.url, upload.headers ?? {});
	return downloadUrl;
}

async function putToStorage(
	client: WaveSpeedClient,
	storage: StorageHelpers,
	file: UploadFile,
	url: string,
	ticketHeaders: Record<string, string>,
): Promise<void> {
	const host = hostOf(url);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(ticketHeaders)) {
		// The ticket's headers are the storage host's; the key never goes there.
		if (name.toLowerCase() !== 'authorization') headers[name] = String(value);
	}
	if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
		headers['content-type'] = file.type || 'application/octet-stream';
	}
	let response: IN8nHttpFullResponse;
	try {
		response = (await storage.httpRequest({
			method: 'PUT',
			url,
			headers,
			// A streamed File is sent with its size as Content-Length.
			body: file.content,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: STORAGE_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const code = networkCode(error) ?? 'network error';
		throw client.fail('noAnswer', `WaveSpeed's upload storage (${host}) did not answer (${code})`);
	}
	const status = response.statusCode;
	if (status >= 200 && status < 300) return;
	throw client.fail(
		status >= 500 || status === 429 ? 'server' : 'rejected',
		`WaveSpeed's upload storage (${host}) refused the image (HTTP ${status})`,
		{ httpCode: status, description: `It answered: ${excerpt(response.body)}` },
	);
}

async function uploadMultipart(client: WaveSpeedClient, file: UploadFile): Promise<string> {
	const form = new FormData();
	const { content, name, type } = file;
	form.append(
		'file',
		content instanceof File
			? content
			: new File([content as Uint8Array<ArrayBuffer>], name, { type }),
	);
	const data = await client.call<{ download_url?: string } | null>({
		method: 'POST',
		path: ENDPOINTS.uploadBinary,
		body: form,
	});
	if (!data?.download_url) {
		throw client.fail('badResponse', 'WaveSpeed accepted the upload but returned no download_url');
	}
	return data.download_url;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'an invalid address';
	}
}
