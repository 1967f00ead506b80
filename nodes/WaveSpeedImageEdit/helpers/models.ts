/** The WaveSpeed models this node can run, with the names the editor shows. */
export const MODELS = [
	{
		id: 'wavespeed-ai/flux-2-klein-base-9b/edit',
		name: 'FLUX.2 Klein Base 9B Edit',
		description: 'Best quality',
		lora: false,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-4b/edit',
		name: 'FLUX.2 Klein Base 4B Edit',
		description: 'Cheaper and faster',
		lora: false,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-9b/edit-lora',
		name: 'FLUX.2 Klein Base 9B Edit LoRA',
		description: 'Best quality, with up to 3 LoRAs',
		lora: true,
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-4b/edit-lora',
		name: 'FLUX.2 Klein Base 4B Edit LoRA',
		description: 'Cheaper and faster, with up to 3 LoRAs',
		lora: true,
	},
] as const;

export const DEFAULT_MODEL = MODELS[0].id;

export const KNOWN_MODELS: readonly string[] = MODELS.map((model) => model.id);

/** The models that take LoRAs; the others never receive a `loras` field. */
export const LORA_MODELS: readonly string[] = MODELS.filter((model) => model.lora).map(
	(model) => model.id,
);
