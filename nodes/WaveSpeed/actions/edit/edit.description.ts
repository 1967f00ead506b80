import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from 'n8n-workflow';

import { ANY_MODEL, DEFAULT_MODEL, MODELS } from '../../models';
import { resultOptionFields, sortedByName } from '../options';
import {
	base64OutputOption,
	maxCostOption,
	syncModeOption,
	waitForResultOption,
	webhookUrlField,
} from './editOptions';
import { loraFields } from './loras';

/** Defaults of Edit Image's fields; the item reader falls back to the same ones. */
export const EDIT_DEFAULTS = { binaryPropertyName: 'data', side: 1024, seed: -1 } as const;

// The lint reads a parameter's default only from a literal or a plain name.
const { binaryPropertyName, side, seed } = EDIT_DEFAULTS;
const LIMITS = ANY_MODEL;

const fields: INodeProperties[] = [
	{
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: MODELS.map(({ id, name, description }) => ({ name, value: id, description })),
		default: DEFAULT_MODEL,
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
		typeOptions: { multipleValues: true },
		// n8n's editor labels a fixedCollection's add button with the placeholder ("Choose..." without one).
		placeholder: 'Add Image',
		default: { image: [{ source: 'url', url: '' }] },
		required: true,
		description: `One to ${LIMITS.imagesMax} images, in order: the first is image1 in the prompt`,
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
						default: binaryPropertyName,
						hint: 'The name of the input field that holds the image file',
						displayOptions: { show: { source: ['binary'] } },
					},
				],
			},
		],
	},
	...loraFields,
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
		default: side,
		description: `Output width in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		hint: `${LIMITS.sideMin} to ${LIMITS.sideMax} pixels`,
		displayOptions: { show: { size: ['custom'] } },
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: LIMITS.sideMin, maxValue: LIMITS.sideMax },
		default: side,
		description: `Output height in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		hint: `${LIMITS.sideMin} to ${LIMITS.sideMax} pixels`,
		displayOptions: { show: { size: ['custom'] } },
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		typeOptions: { minValue: -1, maxValue: LIMITS.seedMax },
		default: seed,
		description:
			'-1 lets the node pick a random seed. The seed used is in the output\'s "seed" field: enter it here with the same inputs to get the same image again.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByName([
			base64OutputOption.field,
			maxCostOption.field,
			...resultOptionFields,
			syncModeOption.field,
			waitForResultOption.field,
			webhookUrlField,
		]),
	},
];

/** Edit Image's fields, shown only for that operation. */
export const editProperties = updateDisplayOptions({ show: { operation: ['edit'] } }, fields);
