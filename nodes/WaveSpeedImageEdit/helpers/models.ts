/** The WaveSpeed models this node can run, with the names the editor shows. */
export const MODELS = [
	{
		id: 'wavespeed-ai/flux-2-klein-base-9b/edit',
		name: 'FLUX.2 Klein Base 9B Edit',
		description: 'Best quality',
	},
	{
		id: 'wavespeed-ai/flux-2-klein-base-4b/edit',
		name: 'FLUX.2 Klein Base 4B Edit',
		description: 'Cheaper and faster',
	},
] as const;

export const DEFAULT_MODEL = MODELS[0].id;

export const KNOWN_MODELS: readonly string[] = MODELS.map((model) => model.id);
