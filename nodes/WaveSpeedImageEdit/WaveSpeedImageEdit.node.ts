import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { imageEditProperties } from './description';
import { runImageEdits } from './router';

export class WaveSpeedImageEdit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WaveSpeed Image Edit',
		name: 'waveSpeedImageEdit',
		icon: { light: 'file:../../icons/wavespeed.svg', dark: 'file:../../icons/wavespeed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"].includes("4b") ? "FLUX.2 Klein 4B Edit" : "FLUX.2 Klein 9B Edit" }}',
		description: "Edit images with WaveSpeed AI's FLUX.2 [klein] Base Edit models",
		defaults: { name: 'WaveSpeed Image Edit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: imageEditProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runImageEdits(this);
	}
}
