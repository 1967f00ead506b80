import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULTS, LIMITS } from '../../helpers/limits';
import { LORA_MODELS } from '../../helpers/models';
import { check, show } from '../../helpers/parameters';

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
export function readLoras(ctx: IExecuteFunctions, i: number, model: string): Lora[] | undefined {
	if (!LORA_MODELS.includes(model)) return undefined;
	const entries = (ctx.getNodeParameter('loras.lora', i, []) as LoraEntry[]) ?? [];
	check(
		entries.length >= 1,
		'LoRAs',
		'no LoRA given',
		'Add one with Add LoRA, or choose a model without LoRA',
	);
	check(
		entries.length <= LIMITS.lorasMax,
		'LoRAs',
		`at most ${LIMITS.lorasMax}, ${entries.length} given`,
		`Remove LoRAs until ${LIMITS.lorasMax} are left`,
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
		const scale = entry.scale ?? DEFAULTS.loraScale;
		check(
			typeof scale === 'number' && scale >= LIMITS.loraScaleMin && scale <= LIMITS.loraScaleMax,
			`${field} → Scale`,
			`${show(scale)} is not allowed`,
			`Use a number from ${LIMITS.loraScaleMin} to ${LIMITS.loraScaleMax} (default ${DEFAULTS.loraScale})`,
		);
		return { path, scale };
	});
}
