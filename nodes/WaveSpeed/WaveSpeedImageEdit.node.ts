import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { editProperties } from './actions/edit/edit.description';
import { getResultProperties } from './actions/getResult/getResult.operation';
import { operationProperty, route } from './actions/router';
import { toolDescriptionProperties } from './actions/toolDescription';
import { MODELS } from './models';
import { waveSpeedApiTest } from './transport/credentialTest';

const modelNames = Object.fromEntries(MODELS.map(({ id, name }) => [id, name]));

export class WaveSpeedImageEdit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WaveSpeed Image Edit',
		name: 'waveSpeedImageEdit',
		icon: { light: 'file:../../icons/wavespeed.svg', dark: 'file:../../icons/wavespeed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{ $parameter["operation"] === "getResult" ? "Get Result" : (${JSON.stringify(modelNames)})[$parameter["model"]] }}`,
		description: "Edit images with WaveSpeed AI's FLUX.2 [klein] Base Edit models",
		defaults: { name: 'WaveSpeed Image Edit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint (credential-test-required) reads testedBy from this file's source.
		credentials: [{ name: 'waveSpeedApi', required: true, testedBy: 'waveSpeedApiTest' }],
		properties: [
			...toolDescriptionProperties,
			operationProperty,
			...editProperties,
			...getResultProperties,
		],
	};

	methods = { credentialTest: { waveSpeedApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
