/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code, not in the published package */
import { request } from 'undici';

/**
 * How the existing WaveSpeed nodes work, for comparison: one item after another, a fixed 2 s
 * between polls, the output downloaded whole into memory.
 */
export async function runSequentialBaseline(
	baseUrl: string,
	apiKey: string,
	bodies: object[],
): Promise<void> {
	const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
	for (const body of bodies) {
		const submit = await request(`${baseUrl}/api/v3/wavespeed-ai/flux-2-klein-base-9b/edit`, {
			method: 'POST',
			headers,
			body: JSON.stringify(body),
		});
		const { data } = (await submit.body.json()) as { data: { id: string } };
		for (;;) {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			const poll = await request(`${baseUrl}/api/v3/predictions/${data.id}/result`, { headers });
			const task = ((await poll.body.json()) as { data: { status: string; outputs: string[] } })
				.data;
			if (task.status === 'completed') {
				await (await request(task.outputs[0])).body.arrayBuffer();
				break;
			}
			if (task.status === 'failed') throw new Error('baseline task failed');
		}
	}
}
