/** The edit models that take LoRAs, as WaveSpeed names them. */
export const LORA_MODELS = [
	'wavespeed-ai/flux-2-klein-base-9b/edit-lora',
	'wavespeed-ai/flux-2-klein-base-4b/edit-lora',
];

const HUGGING_FACE_REPO = /^[\w.-]+\/[\w.-]+$/;

/**
 * A URL or a Hugging Face repository (the model pages' `loras[].path`). WaveSpeed sets no rule on
 * the file name's ending, so neither does the fake.
 */
function isLoraPath(path: string): boolean {
	if (HUGGING_FACE_REPO.test(path)) return true;
	try {
		const url = new URL(path);
		return ['http:', 'https:'].includes(url.protocol);
	} catch {
		return false;
	}
}

/** WaveSpeed's 400 answer for a submit's `loras`, or undefined when they are fine for the model. */
export function validateLoras(model: string, body: Record<string, unknown>): string | undefined {
	if (body.loras === undefined) return undefined;
	if (!LORA_MODELS.includes(model)) return `loras is not supported by ${model}`;
	const loras = body.loras;
	if (!Array.isArray(loras) || loras.length > 3) return 'loras must be a list of at most 3 items';
	for (const [n, lora] of loras.entries()) {
		const { path, scale } = (lora ?? {}) as { path?: unknown; scale?: unknown };
		if (typeof path !== 'string' || path.trim() === '') return `loras[${n}].path is required`;
		if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0 || scale > 4) {
			return `loras[${n}].scale must be a number from 0 to 4`;
		}
		if (!isLoraPath(path)) {
			return `Failed to load LoRA from ${path}: expected a URL or a Hugging Face repository`;
		}
	}
	return undefined;
}
