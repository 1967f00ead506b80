import { createHash, randomInt } from 'node:crypto';

import { type Submission, SYNC_ANSWER_MARGIN_MS, SYNC_HOLD_MS } from '../../transport/tasks';
import type { EditRequest, ImageInput } from './request';

/** The seed to send: the user's, or one picked here so the result can be reproduced. */
export function chooseSeed(request: EditRequest): number {
	return request.seed === -1 ? randomInt(0, request.model.limits.seedMax + 1) : request.seed;
}

/** What WaveSpeed is asked to do for an edit, its images already turned into URLs. */
export function editSubmission(request: EditRequest, images: string[], seed: number): Submission {
	const { model, prompt, size, loras, options } = request;
	// Sync mode only when the item waits at least as long as WaveSpeed holds the request: a request
	// cut off earlier would lose the task's id while the task goes on (and is billed).
	const holdsUntilDone =
		options.syncMode &&
		options.waitForResult &&
		options.timeoutMs >= SYNC_HOLD_MS + SYNC_ANSWER_MARGIN_MS;
	return {
		model: model.id,
		body: model.body({
			prompt,
			images,
			seed,
			size,
			loras,
			syncMode: holdsUntilDone,
			base64Output: options.base64Output,
		}),
		webhookUrl: options.webhookUrl,
		holdsUntilDone,
	};
}

/** Stands for an image in the fingerprint: its URL, or its file's content (a retry uploads anew). */
function imageStandIn(image: ImageInput): string {
	if (image.source === 'url') return image.url;
	const content = image.binary.id ?? createHash('sha256').update(image.binary.data).digest('hex');
	return `binary:${content}`;
}

/** The submission as a retry of the same request would build it, whatever it uploads and picks. */
export function editFingerprint(request: EditRequest): Submission {
	return editSubmission(request, request.images.map(imageStandIn), request.seed);
}
