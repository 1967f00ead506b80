// Posts a PNG to the webhook example, as a user's upload would, and checks the edited PNG it answers with.
const { deflateSync, crc32 } = require('node:zlib');

const [url, width, height] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];

function png(w, h) {
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body) >>> 0);
		return Buffer.concat([len, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(w, 0);
	header.writeUInt32BE(h, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const raw = Buffer.alloc((w * 3 + 1) * h, 90);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

(async () => {
	const response = await fetch(`${url}?prompt=${encodeURIComponent('Make image1 a studio product shot')}`, {
		method: 'POST',
		headers: { 'content-type': 'image/png' },
		body: png(width, height),
	});
	const body = Buffer.from(await response.arrayBuffer());
	const type = response.headers.get('content-type') ?? '';
	const isPng = body.length > 24 && body.readUInt32BE(0) === 0x89504e47;
	const size = isPng ? `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}` : 'not a PNG';
	const ok = response.status === 200 && type.startsWith('image/png') && size === `${width}x${height}`;
	console.log(`${ok ? 'ok  ' : 'FAIL'} webhook answered HTTP ${response.status} ${type} with ${size} (${body.length} bytes) for a ${width}x${height} upload`);
	if (!ok && !isPng) console.error(body.toString('utf8').slice(0, 1000));
	process.exit(ok ? 0 : 1);
})();
