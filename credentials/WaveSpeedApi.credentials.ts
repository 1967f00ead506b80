import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Tested by the WaveSpeed Image Edit node (`testedBy: 'waveSpeedApiTest'`), not by a declarative
 * `test` here: n8n would use a `test` first, and it reports network failures only as bare codes.
 */
export class WaveSpeedApi implements ICredentialType {
	name = 'waveSpeedApi';

	displayName = 'WaveSpeed API';

	icon: Icon = { light: 'file:../icons/wavespeed.svg', dark: 'file:../icons/wavespeed.dark.svg' };

	documentationUrl = 'https://wavespeed.ai/docs/docs-api/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create one at wavespeed.ai → Settings → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.wavespeed.ai',
			required: true,
			description:
				'Change only to go through a proxy or a test server. Must start with http:// or https://.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};
}
