import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './trigger/trigger.description';
import { activate, receiveCallback } from './trigger/webhook';
import { waveSpeedApiTest } from './transport/credentialTest';

export class WaveSpeedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WaveSpeed Trigger',
		name: 'waveSpeedTrigger',
		icon: { light: 'file:../../icons/wavespeed.svg', dark: 'file:../../icons/wavespeed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On task " + $parameter["events"].join(" or ") }}',
		description: 'Starts the workflow when WaveSpeed calls back about a finished task',
		defaults: { name: 'WaveSpeed Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: n8n's lint (credential-test-required) reads testedBy from this file's source.
		credentials: [{ name: 'waveSpeedApi', required: true, testedBy: 'waveSpeedApiTest' }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { waveSpeedApiTest } };

	/**
	 * WaveSpeed has no webhook registry: the URL travels with each task. Activating the trigger
	 * fetches the account's signing secret (a wrong credential fails there) and checks the options.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await activate(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this);
	}
}
