/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only code, not in the published package */
// Posts a PNG to the webhook example, as a user's upload would, and checks the edited PNG it answers with.
import { request } from 'undici';

import { makePng, pngSize } from '../../devkit/fake-wavespeed/png';

async function main() {
	const [url, width, height] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
	const response = await request(
		`${url}?prompt=${encodeURIComponent('Make image1 a studio product shot')}`,
		{
			method: 'POST',
			headers: { 'content-type': 'image/png' },
			body: makePng(width, height, 9),
		},
	);
	const body = Buffer.from(await response.body.arrayBuffer());
	const type = String(response.headers['content-type'] ?? '');
	const size = pngSize(body);
	const shown = size ? `${size.width}x${size.height}` : 'not a PNG';
	const ok =
		response.statusCode === 200 && type.startsWith('image/png') && shown === `${width}x${height}`;
	console.log(
		`${ok ? 'ok  ' : 'FAIL'} webhook answered HTTP ${response.statusCode} ${type} with ${shown} (${body.length} bytes) for a ${width}x${height} upload`,
	);
	if (!ok && !size) console.error(body.toString('utf8').slice(0, 1000));
	process.exit(ok ? 0 : 1);
}

void main();
