import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	// A base URL that is not http(s) becomes an unusable URL, so the test fails instead of calling it.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ /^https?:\\/\\//i.test($credentials.baseUrl) ? $credentials.baseUrl.replace(/\\/+$/, "") : "invalid-base-url:" }}',
			url: '/api/v3/balance',
			method: 'GET',
		},
	};
}
