import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { check, displayValue } from '../../errors';
import { ANY_MODEL, LORA_MODELS, type Lora, type Model } from '../../models';

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

interface LoraEntry {
	path?: unknown;
	scale?: unknown;
}

/** The item's LoRAs for a model that takes them; undefined for the others, which never send any. */
export function readLoras(ctx: IExecuteFunctions, i: number, model: Model): Lora[] | undefined {
	const { lorasMax, loraScaleMin, loraScaleMax } = model.limits;
	if (lorasMax === 0) return undefined;
	const entries = (ctx.getNodeParameter('loras.lora', i, []) as LoraEntry[]) ?? [];
	check(
		entries.length >= 1,
		'LoRAs',
		'no LoRA given',
		'Add one with Add LoRA, or choose a model without LoRA',
	);
	check(
		entries.length <= lorasMax,
		'LoRAs',
		`at most ${lorasMax}, ${entries.length} given`,
		`Remove LoRAs until ${lorasMax} are left`,
	);
	return entries.map((entry, n) => {
		const field = `LoRAs → LoRA ${n + 1}`;
		const path = typeof entry.path === 'string' ? entry.path.trim() : '';
		check(
			path !== '',
			`${field} → Path`,
			'is empty',
			'Enter the URL of a .safetensors file or a Hugging Face repository (owner/repo)',
		);
		const scale = entry.scale ?? LORA_SCALE;
		check(
			typeof scale === 'number' && scale >= loraScaleMin && scale <= loraScaleMax,
			`${field} → Scale`,
			`${displayValue(scale)} is not allowed`,
			`Use a number from ${loraScaleMin} to ${loraScaleMax} (default ${LORA_SCALE})`,
		);
		return { path, scale };
	});
}
