/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code, not in the published package */
import { readFileSync } from 'node:fs';

import { CLIENT_HEADERS } from '../../../../../nodes/WaveSpeed/transport/client';

test("X-Client-Name and X-Client-Version are the package's name and version", () => {
	const pkg = JSON.parse(readFileSync(`${__dirname}/../../../../../package.json`, 'utf8')) as {
		name: string;
		version: string;
	};
	expect(CLIENT_HEADERS).toEqual({ 'X-Client-Name': pkg.name, 'X-Client-Version': pkg.version });
});
