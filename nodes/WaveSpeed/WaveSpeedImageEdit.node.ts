import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	getEnhanceStyles,
	getModelInputs,
	searchCatalogModels,
} from './actions/edit/catalogMethods';
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
		subtitle: `={{ $parameter["operation"] === "getResult" ? "Get Result" : $parameter["model"] === "catalog" ? ($parameter["catalogModel"].cachedResultName || $parameter["catalogModel"].value) : (${JSON.stringify(modelNames)})[$parameter["model"]] }}`,
		description:
			"Edit images with WaveSpeed AI's FLUX.2 [klein] Base Edit models, or any image-edit model of WaveSpeed's catalog",
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

	methods = {
		credentialTest: { waveSpeedApiTest },
		listSearch: { searchCatalogModels },
		resourceMapping: { getModelInputs },
		loadOptions: { getEnhanceStyles },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
