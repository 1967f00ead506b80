/**
 * Who is calling, sent on every API request as WaveSpeed's own clients do (X-Client-Name and
 * X-Client-Version in its JS, Python and Java SDKs, its CLI and its n8n node). The version is
 * package.json's; a unit test keeps the two equal.
 */
export const CLIENT_HEADERS = {
	'X-Client-Name': 'n8n-nodes-wavespeed-image-edit',
	'X-Client-Version': '0.2.0',
} as const;
