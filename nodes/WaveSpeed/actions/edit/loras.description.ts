import type { INodeProperties } from 'n8n-workflow';

import { ANY_MODEL, LORA_MODELS } from '../../models';

export const LORA_SCALE = 1;
// The lint reads a parameter's default only from a literal or a plain name.
const loraScale = LORA_SCALE;
const LIMITS = ANY_MODEL;

/** The LoRAs field, shown only for the models that take LoRAs. */
export const loraFields: INodeProperties[] = [
	{
		displayName: 'LoRAs',
		name: 'loras',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		// n8n's editor labels a fixedCollection's add button with the placeholder; the node itself
		// says the 3-LoRA limit, naming the item (n8n's maxAllowedFields would not).
		placeholder: 'Add LoRA',
		default: { lora: [{ path: '', scale: loraScale }] },
		required: true,
		description: `One to ${LIMITS.lorasMax} LoRAs applied to the edit, each with its strength`,
		displayOptions: { show: { model: [...LORA_MODELS] } },
		options: [
			{
				displayName: 'LoRA',
				name: 'lora',
				values: [
					{
						displayName: 'Path',
						name: 'path',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. https://example.com/style.safetensors or owner/repo',
						description:
							'The URL of a .safetensors file, or a Hugging Face repository as owner/repo',
					},
					{
						displayName: 'Scale',
						name: 'scale',
						type: 'number',
						typeOptions: {
							minValue: LIMITS.loraScaleMin,
							maxValue: LIMITS.loraScaleMax,
							numberPrecision: 2,
						},
						default: loraScale,
						description: `How strongly the LoRA applies (${LIMITS.loraScaleMin}–${LIMITS.loraScaleMax})`,
					},
				],
			},
		],
	},
];
