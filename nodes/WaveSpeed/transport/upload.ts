import { isTransient } from '../errors/waveSpeedError';
import { backoffDelay, type Deadline, pause, type StopSignal } from '../timing';
import type { WaveSpeedClient } from './client';
import { ENDPOINTS } from './endpoints';

const UPLOAD_ATTEMPTS = 4;

/**
 * Uploads one image to WaveSpeed's media storage and returns its download URL. An upload is
 * free and creates no task, so any transient failure may be retried.
 */
export async function uploadImage(
	client: WaveSpeedClient,
	file: File,
	deadline: Deadline,
	stop?: StopSignal,
): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		const form = new FormData();
		form.append('file', file);
		try {
			const data = await client.call<{ download_url?: string }>({
				method: 'POST',
				path: ENDPOINTS.uploadBinary,
				body: form,
				timeoutMs: deadline.remaining(),
			});
			if (!data?.download_url) {
				throw client.fail(
					'badResponse',
					'WaveSpeed accepted the upload but returned no download_url',
				);
			}
			return data.download_url;
		} catch (error) {
			if (!isTransient(error) || attempt + 1 >= UPLOAD_ATTEMPTS || deadline.expired()) {
				throw client.ensure(error);
			}
			await pause(error.retryAfterMs ?? backoffDelay(attempt, 500, 5000), stop);
		}
	}
}
