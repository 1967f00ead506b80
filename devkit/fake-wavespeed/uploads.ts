/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { parseMultipart } from './multipart';

/** The largest upload WaveSpeed takes (its media upload docs): 20 MB. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Not WaveSpeed's: the header name the fake's storage host checks on a PUT (a test hook). */
export const UPLOAD_TOKEN_HEADER = 'x-fake-upload-token';

export interface StoredUpload {
	id: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** A ticket from `POST /api/v3/media/uploads`: where and how the bytes are to be PUT. */
export interface UploadTicket {
	id: string;
	fileName: string;
	size: number;
	contentType: string;
	/** Not WaveSpeed's: the value the storage host expects in UPLOAD_TOKEN_HEADER. */
	token: string;
	/** Set once the PUT was stored. */
	putAt?: number;
}

/** What the server answers: an envelope (`message`, `data`), or an empty 200 (a stored PUT). */
export type UploadAnswer = { status: number; message: string; data?: unknown } | { status: 200 };

const fail = (status: number, message: string): UploadAnswer => ({ status, message });

/**
 * WaveSpeed's uploads: the legacy multipart `POST /api/v3/media/upload/binary`, the ticket API
 * `POST /api/v3/media/uploads`, and the storage host a ticket's PUT goes to (FACTS §4).
 */
export class Uploads {
	readonly stored = new Map<string, StoredUpload>();

	readonly tickets = new Map<string, UploadTicket>();

	constructor(private readonly urls: { output: () => string; storage: () => string }) {}

	/** The legacy upload: multipart field `file` → `{type, download_url, filename, size}`. */
	binary(body: Buffer, headers: IncomingHttpHeaders): UploadAnswer {
		const file = parseMultipart(body, headers['content-type']).find((p) => p.name === 'file');
		if (!file || file.data.length === 0) return fail(400, 'Missing file field "file"');
		if (file.data.length > UPLOAD_LIMIT) return fail(413, 'File exceeds 20 MB');
		const id = `u${this.stored.size + 1}`;
		this.stored.set(id, {
			id,
			fileName: file.fileName,
			contentType: file.contentType,
			data: file.data,
		});
		const name = encodeURIComponent(file.fileName ?? 'file');
		return {
			status: 200,
			message: 'success',
			data: {
				type: 'image',
				download_url: `${this.urls.output()}/uploads/${id}/${name}`,
				filename: file.fileName,
				size: file.data.length,
			},
		};
	}

	/**
	 * WaveSpeed's current upload API (the SDKs' `upload`): JSON `{filename, size, content_type?}` →
	 * a ticket whose `upload` says how to PUT the bytes to a storage host, and the `download_url`
	 * they are served at afterwards. `upload.headers`' token header and `expires_at`'s format are ours.
	 */
	ticket(body: Buffer): UploadAnswer {
		let request: { filename?: unknown; size?: unknown; content_type?: unknown };
		try {
			request = JSON.parse(body.toString('utf8'));
		} catch {
			return fail(400, 'Request body is not valid JSON');
		}
		const { filename, size, content_type: contentType } = request ?? {};
		if (typeof filename !== 'string' || filename.trim() === '')
			return fail(400, 'filename is required');
		if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
			return fail(400, 'size must be a positive integer');
		if (size > UPLOAD_LIMIT) return fail(413, 'File exceeds 20 MB');
		if (contentType !== undefined && typeof contentType !== 'string')
			return fail(400, 'content_type must be a string');
		const id = `t${this.tickets.size + 1}`;
		const ticket: UploadTicket = {
			id,
			fileName: filename,
			size,
			contentType: contentType ?? 'application/octet-stream',
			token: randomBytes(12).toString('hex'),
		};
		this.tickets.set(id, ticket);
		const type = /^(image|video|audio)\//.exec(ticket.contentType)?.[1] ?? 'file';
		return {
			status: 200,
			message: 'success',
			data: {
				type,
				download_url: `${this.urls.output()}/uploads/${id}/${encodeURIComponent(filename)}`,
				filename,
				size,
				upload: {
					method: 'PUT',
					url: `${this.urls.storage()}/put/${id}`,
					headers: { 'content-type': ticket.contentType, [UPLOAD_TOKEN_HEADER]: ticket.token },
					expires_at: new Date(Date.now() + 3600_000).toISOString(),
				},
			},
		};
	}

	/**
	 * The storage host an upload ticket points at: takes the PUT of the bytes with exactly the
	 * ticket's headers (no key: it is not the API), then the ticket's download_url serves them.
	 */
	put(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): UploadAnswer {
		const ticket = this.tickets.get(/^\/put\/([^/]+)$/.exec(path)?.[1] ?? '');
		if (method !== 'PUT' || !ticket) return fail(404, 'Not found');
		if (headers[UPLOAD_TOKEN_HEADER] !== ticket.token)
			return fail(403, `Missing or wrong ${UPLOAD_TOKEN_HEADER}`);
		if (headers['content-type'] !== ticket.contentType)
			return fail(403, `content-type must be ${ticket.contentType}`);
		if (body.length > UPLOAD_LIMIT) return fail(413, 'File exceeds 20 MB');
		if (body.length !== ticket.size) {
			return fail(
				400,
				`Size mismatch: the ticket says ${ticket.size} bytes, the PUT sent ${body.length}`,
			);
		}
		ticket.putAt = Date.now();
		this.stored.set(ticket.id, {
			id: ticket.id,
			fileName: ticket.fileName,
			contentType: ticket.contentType,
			data: body,
		});
		return { status: 200 };
	}
}
