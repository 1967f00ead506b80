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
import { enhancePromptFields } from './enhancePrompt';
import { loraFields } from './loras';

/** The value of Model that picks a model of WaveSpeed's catalog (a public name: saved workflows hold it). */
export const CATALOG = 'catalog';
/** A catalog model id: the path of its submit (`POST /api/v3/<id>`), e.g. bytedance/seedream-v4.5/edit. */
const MODEL_ID = '[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+';
/** The fields that are the FLUX.2 [klein] models' own; a catalog model takes them in Model Inputs. */
const kleinOnly = { hide: { model: [CATALOG] } };

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
		options: [
			...MODELS.map(({ id, name, description }) => ({ name, value: id, description })),
			{
				name: "Another Model From WaveSpeed's Catalog…",
				value: CATALOG,
				description:
					"Any image-edit model of WaveSpeed's catalog (Seedream, Nano Banana, Qwen, GPT Image…), with its own inputs",
			},
		],
		default: DEFAULT_MODEL,
	},
	{
		displayName: 'Catalog Model',
		name: 'catalogModel',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "A model of WaveSpeed's catalog that takes images and returns images",
		hint: 'After changing the model, refresh its inputs: Model Inputs → ⋮ → Refresh Input List',
		displayOptions: { show: { model: [CATALOG] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCatalogModels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. bytedance/seedream-v4.5/edit',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: MODEL_ID,
							errorMessage: 'A WaveSpeed model id, e.g. bytedance/seedream-v4.5/edit',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Model Inputs',
		name: 'modelInputs',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description: "The model's own inputs, as WaveSpeed's catalog describes them",
		displayOptions: { show: { model: [CATALOG] }, hide: { catalogModel: [''] } },
		typeOptions: {
			loadOptionsDependsOn: ['catalogModel.value'],
			resourceMapper: {
				resourceMapperMethod: 'getModelInputs',
				mode: 'add',
				valuesLabel: 'Model Inputs',
				fieldWords: { singular: 'input', plural: 'inputs' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Put the person in image1 on the beach of image2, golden hour light',
		hint: 'Refer to the input images as image1, image2, … in the order of Images',
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
		description: `The images to edit, in order: the first is image1 in the prompt. FLUX.2 [klein] takes 1 to ${LIMITS.imagesMax}; a catalog model as many as its schema allows.`,
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
		displayOptions: kleinOnly,
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: LIMITS.sideMin, maxValue: LIMITS.sideMax },
		default: side,
		description: `Output width in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		hint: `${LIMITS.sideMin} to ${LIMITS.sideMax} pixels`,
		displayOptions: { show: { size: ['custom'] }, ...kleinOnly },
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: LIMITS.sideMin, maxValue: LIMITS.sideMax },
		default: side,
		description: `Output height in pixels (${LIMITS.sideMin}–${LIMITS.sideMax})`,
		hint: `${LIMITS.sideMin} to ${LIMITS.sideMax} pixels`,
		displayOptions: { show: { size: ['custom'] }, ...kleinOnly },
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		typeOptions: { minValue: -1, maxValue: LIMITS.seedMax },
		default: seed,
		description:
			'-1 lets the node pick a random seed. The seed used is in the output\'s "seed" field: enter it here with the same inputs to get the same image again.',
		displayOptions: kleinOnly,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByName([
			base64OutputOption.field,
			...enhancePromptFields,
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
