import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { editProperties } from './actions/edit/edit.description';
import { getResultProperties } from './actions/getResult/getResult.description';
import { operationProperty } from './actions/operations';
import { route } from './actions/router';
import { MODELS } from './helpers/models';
import { CREDENTIAL_TYPE } from './transport/client';

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
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [operationProperty, ...editProperties, ...getResultProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
