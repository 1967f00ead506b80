/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only code, not in the published package */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Container } from '@n8n/di';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';

interface Row {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
	fileSize: number;
}

/**
 * n8n's `database` binary mode (the mode of queue mode), as n8n 2.41.1 implements it in
 * `packages/cli/src/binary-data/database.manager.ts` (read from its published
 * `dist/binary-data/database.manager.js`): a file is a row holding the whole buffer; reading it,
 * as a buffer or as a stream, loads that row (`getAsStream` is `Readable.from(await
 * getAsBuffer())`). Only the table is replaced, by a Map, so a test can count the loads that
 * n8n's database would serve.
 */
export class DatabaseBinaryStore {
	readonly rows = new Map<string, Row>();

	/** Loads of each file's data, by file id: what n8n's database was asked to read. */
	readonly loads = new Map<string, number>();

	async init() {}

	async store(
		_location: unknown,
		bufferOrStream: Buffer | Readable,
		metadata: { mimeType?: string; fileName?: string },
	) {
		const buffer = Buffer.isBuffer(bufferOrStream)
			? bufferOrStream
			: Buffer.concat(await bufferOrStream.toArray());
		const fileId = randomUUID();
		this.rows.set(fileId, { data: buffer, ...metadata, fileSize: buffer.length });
		return { fileId, fileSize: buffer.length };
	}

	getPath(fileId: string) {
		return `database://${fileId}`;
	}

	async getAsBuffer(fileId: string): Promise<Buffer> {
		const row = this.rows.get(fileId);
		if (!row) throw new Error(`no binary data ${fileId}`);
		this.loads.set(fileId, (this.loads.get(fileId) ?? 0) + 1);
		return row.data;
	}

	async getAsStream(fileId: string) {
		return Readable.from(await this.getAsBuffer(fileId));
	}

	async getMetadata(fileId: string) {
		const row = this.rows.get(fileId);
		if (!row) throw new Error(`no binary data ${fileId}`);
		return { fileName: row.fileName, mimeType: row.mimeType, fileSize: row.fileSize };
	}

	async deleteMany() {}

	async deleteManyByFileId(ids: string[]) {
		for (const id of ids) this.rows.delete(id);
	}

	async copyByFileId(_location: unknown, sourceFileId: string) {
		const row = this.rows.get(sourceFileId);
		if (!row) throw new Error(`no binary data ${sourceFileId}`);
		const fileId = randomUUID();
		this.rows.set(fileId, { ...row });
		return fileId;
	}

	async rename(oldFileId: string, newFileId: string) {
		const row = this.rows.get(oldFileId);
		if (!row) throw new Error(`no binary data ${oldFileId}`);
		this.rows.delete(oldFileId);
		this.rows.set(newFileId, row);
	}

	/** How many times the data of a binary (its n8n id, `database:<fileId>`) was loaded. */
	loadsOf(binaryId: string): number {
		return this.loads.get(binaryId.replace(/^database:/, '')) ?? 0;
	}
}

let store: DatabaseBinaryStore | undefined;

/** Switches n8n's binary store to its `database` mode (the model above), once per test file. */
export async function useDatabaseBinaryMode(): Promise<DatabaseBinaryStore> {
	if (store) return store;
	store = new DatabaseBinaryStore();
	const config = Container.get(BinaryDataConfig);
	const service = Container.get(BinaryDataService) as unknown as {
		setManager(mode: string, manager: unknown): void;
		mode: string;
		init(): Promise<void>;
	};
	// init() sets the filesystem managers up and takes the mode from the configuration.
	config.mode = 'filesystem';
	await service.init();
	service.setManager('database', store);
	service.mode = 'database';
	return store;
}
