import type { IExecuteFunctions } from 'n8n-workflow';

import { check, show } from '../../errors/parameterProblem';
import type { Model } from '../../models';
import { LORA_SCALE } from './loras.description';

/** One LoRA as WaveSpeed takes it. */
export interface Lora {
	path: string;
	scale: number;
}

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
			`${show(scale)} is not allowed`,
			`Use a number from ${loraScaleMin} to ${loraScaleMax} (default ${LORA_SCALE})`,
		);
		return { path, scale };
	});
}
