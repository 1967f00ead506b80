import { CredentialTestContext, PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	INodeCredentialTestResult,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CREDENTIAL_TYPE, PACKAGE_ROOT } from '../../../devkit/harness/engine';

let loading: Promise<PackageDirectoryLoader> | undefined;

function loadPackage(): Promise<PackageDirectoryLoader> {
	loading ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return loading;
}

/**
 * CredentialsTester.getCredentialTestFunction: a credential type's own declarative `test` wins;
 * without one, the first node that lists the credential with a string `testedBy` names its
 * `methods.credentialTest` function.
 */
async function findTestFunction(): Promise<ICredentialTestFunction> {
	const loader = await loadPackage();
	if (loader.credentialTypes[CREDENTIAL_TYPE].type.test) {
		throw new Error(
			`${CREDENTIAL_TYPE} has a declarative test, so n8n would never call a node's function`,
		);
	}
	for (const nodeName of loader.known.credentials[CREDENTIAL_TYPE].supportedNodes ?? []) {
		const node = loader.nodeTypes[nodeName].type as INodeType;
		const entry = node.description.credentials?.find(
			(c) => c.name === CREDENTIAL_TYPE && c.testedBy,
		);
		if (typeof entry?.testedBy === 'string') return node.methods!.credentialTest![entry.testedBy];
	}
	throw new Error(`no node of the package tests ${CREDENTIAL_TYPE}`);
}

export interface CredentialTestRun {
	result: INodeCredentialTestResult;
	/** How many requests the test function sent through n8n's request helper. */
	requests: number;
}

/**
 * Runs the package's credential test the way n8n 2.41.1's CredentialsTester.testCredentials does
 * for a function test: finds the function as above, fills the fields left out with their
 * defaults (CredentialsHelper.applyDefaultsAndOverwrites, without overwrites), and calls it on
 * n8n-core's real CredentialTestContext, whose `request` helper sends through n8n's outbound
 * HTTP client. Not reproduced: the REST route, decryption from the database, and the redaction of
 * external-secret values in the message (this credential has none).
 */
export async function runCredentialTest(
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestRun> {
	const test = await findTestFunction();
	const { type } = (await loadPackage()).credentialTypes[CREDENTIAL_TYPE];
	const withDefaults = NodeHelpers.getNodeParameters(
		type.properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	);
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	const send = context.helpers.request;
	let requests = 0;
	context.helpers.request = async (...args) => {
		requests++;
		return await send(...args);
	};
	const result = await test.call(context, {
		id: 'test-credential',
		name: 'WaveSpeed account',
		type: CREDENTIAL_TYPE,
		data: withDefaults as ICredentialDataDecryptedObject,
	});
	return { result, requests };
}
