import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyOutputField, downloadOutputField } from '../task/outputItem';

/** The task endings a callback can report, as the Events field offers them. */
export const EVENTS = ['completed', 'failed'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Put this node's Production URL into the Webhook URL option of a WaveSpeed Image Edit node (with Wait for Result off), then publish this workflow. WaveSpeed must be able to reach the URL: it needs a public https address.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'Task Completed', value: 'completed', description: 'The image is ready' },
			{
				name: 'Task Failed',
				value: 'failed',
				description: 'WaveSpeed could not make the image',
			},
		],
		default: ['completed', 'failed'],
		description:
			'Which task endings start the workflow; other callbacks are acknowledged and ignored',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [downloadOutputField, binaryPropertyOutputField],
	},
];
