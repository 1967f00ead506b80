import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { WaveSpeedApi } from '../../credentials/WaveSpeedApi.credentials';
import { loadPackage } from '../../devkit/harness/engine';

/**
 * Resolves the credential's test request the way n8n's credential tester does: its
 * expressions evaluated with `$credentials`, then its generic authenticate block applied.
 */
export async function resolveCredentialTest(credentials: ICredentialDataDecryptedObject) {
	const { nodeTypes } = await loadPackage();
	const credential = new WaveSpeedApi();
	const node: INode = { id: 't', name: 'Test', type: 'test.itemSource', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolve = (value: string) =>
		workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'manual', {
			$credentials: credentials,
		}) as string;
	const { baseURL, url, method } = credential.test.request;
	const headers = credential.authenticate.properties.headers ?? {};
	return {
		url: `${resolve(baseURL!)}${url}`,
		method: method ?? 'GET',
		headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, resolve(String(v))])),
	};
}
