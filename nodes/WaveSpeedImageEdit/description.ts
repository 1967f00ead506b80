import type { INodeProperties } from 'n8n-workflow';

import { LIMITS, MODELS } from './constants';

export const imageEditProperties: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: [
			{
				name: 'FLUX.2 Klein Base 9B Edit',
				value: MODELS.base9b,
				description: 'Best quality',
			},
			{
				name: 'FLUX.2 Klein Base 4B Edit',
				value: MODELS.base4b,
				description: 'Cheaper and faster',
			},
		],
		default: 'wavespeed-ai/flux-2-klein-base-9b/edit',
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Put the person in image1 on the beach of image2, golden hour light',
		hint: 'Refer to the input images as image1, image2 and image3',
		description: 'What to change in the images',
	},
	{
		displayName: 'Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Image', maxAllowedFields: 3 },
		default: { image: [{ source: 'url', url: '' }] },
		required: true,
		description: 'One to three images, in order: the first is image1 in the prompt',
		options: [
			{
				displayName: 'Image',
				name: 'image',
				values: [
					{
						displayName: 'Source',
						name: 'source',
						type: 'options',
						options: [
							{ name: 'URL', value: 'url', description: 'A public http(s) address' },
							{
								name: 'Binary File',
								value: 'binary',
								description: 'A file from an earlier node, uploaded to WaveSpeed for you',
							},
						],
						default: 'url',
					},
					{
						displayName: 'Image URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/photo.png',
						displayOptions: { show: { source: ['url'] } },
					},
					{
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						hint: 'The name of the input field that holds the image file',
						displayOptions: { show: { source: ['binary'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'options',
		options: [
			{
				name: 'Match Input',
				value: 'matchInput',
				description: 'Keep the size of image1',
			},
			{ name: 'Custom', value: 'custom', description: 'Choose width and height' },
		],
		default: 'matchInput',
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: LIMITS.sideMin, maxValue: LIMITS.sideMax },
		default: 1024,
		description: `Output width in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		displayOptions: { show: { size: ['custom'] } },
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: LIMITS.sideMin, maxValue: LIMITS.sideMax },
		default: 1024,
		description: `Output height in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		displayOptions: { show: { size: ['custom'] } },
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		typeOptions: { minValue: -1, maxValue: LIMITS.seedMax },
		default: -1,
		description: '-1 picks a random seed; the same seed and inputs give the same image',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Base64 Output',
				name: 'base64Output',
				type: 'boolean',
				default: false,
				description:
					'Whether WaveSpeed returns the images inline as base64 instead of as URLs. With Download Output off, the base64 text is returned in the JSON field "outputs".',
			},
			{
				displayName: 'Download Output',
				name: 'downloadOutput',
				type: 'boolean',
				default: true,
				description:
					'Whether to download the edited images as binary data. Off returns only their URLs.',
			},
			{
				displayName: 'Max Concurrency',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: LIMITS.concurrencyMax },
				default: 4,
				description: 'How many items are edited at the same time. 1 edits one item after another.',
			},
			{
				displayName: 'Output Binary Field',
				name: 'binaryPropertyOutput',
				type: 'string',
				default: 'data',
				description:
					'The output field for the edited image. Further images of the same task go to the same name with _1, _2 appended.',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: LIMITS.pollIntervalMin, numberPrecision: 1 },
				default: 2,
				description:
					'The longest wait between two status checks. The node checks sooner when a result is expected.',
			},
			{
				displayName: 'Sync Mode',
				name: 'syncMode',
				type: 'boolean',
				default: false,
				description:
					'Whether WaveSpeed answers only when the image is ready (one request, no polling)',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description:
					'How long to wait for each item. A task still running then may still finish on WaveSpeed.',
			},
		],
	},
];
