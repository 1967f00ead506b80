import { type CatalogModel, requestSchemaOf } from './catalog';
import { validateInputs } from './schemaValidation';
import { LORA_MODELS, validateLoras } from './validateLoras';

/** The node's built-in klein models, whose LoRA rules keep their own messages (validateLoras.ts). */
const KLEIN_MODELS = [
	'wavespeed-ai/flux-2-klein-base-9b/edit',
	'wavespeed-ai/flux-2-klein-base-4b/edit',
	...LORA_MODELS,
];

/**
 * WaveSpeed's 400 message for a submit to a catalog model, or undefined when it is accepted: the
 * klein models' LoRA rules first (`refuseKleinLoras`: see FakeWaveSpeedOptions), then the model's
 * request schema (schemaValidation.ts), which ignores keys it does not name.
 */
export function checkSubmit(
	model: CatalogModel,
	body: Record<string, unknown>,
	{ refuseKleinLoras }: { refuseKleinLoras: boolean },
): string | undefined {
	const id = model.model_id;
	if (LORA_MODELS.includes(id) || (refuseKleinLoras && KLEIN_MODELS.includes(id))) {
		const problem = validateLoras(id, body);
		if (problem) return problem;
	}
	return validateInputs(requestSchemaOf(model), body);
}
