import { createHash, randomInt } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../helpers/limits';
import type { EditRequest } from './request';

/** The seed to send: the user's, or one picked here so the result can be reproduced. */
export function chooseSeed(request: EditRequest): number {
	return request.seed === -1 ? randomInt(0, LIMITS.seedMax + 1) : request.seed;
}

/** WaveSpeed's submit body for an edit, with the images already turned into URLs. */
export function editSubmitBody(
	request: EditRequest,
	imageUrls: string[],
	seed: number,
): IDataObject {
	const body: IDataObject = {
		prompt: request.prompt,
		images: imageUrls,
		seed,
		enable_sync_mode: request.options.syncMode && request.options.waitForResult,
		enable_base64_output: request.options.base64Output,
	};
	if (request.size !== undefined) body.size = request.size;
	if (request.loras !== undefined)
		body.loras = request.loras.map(({ path, scale }) => ({ path, scale }));
	return body;
}

/** Everything that decides what WaveSpeed is asked to do, in a form that is stable across retries. */
export function requestFingerprint(request: EditRequest): unknown {
	const { model, prompt, loras, size, seed, options } = request;
	const images = request.images.map((image) =>
		image.source === 'url'
			? image.url
			: (image.binary.id ?? createHash('sha256').update(image.binary.data).digest('hex')),
	);
	const { syncMode, base64Output, webhookUrl, waitForResult } = options;
	return {
		model,
		prompt,
		images,
		loras,
		size,
		seed,
		syncMode,
		base64Output,
		webhookUrl,
		waitForResult,
	};
}
