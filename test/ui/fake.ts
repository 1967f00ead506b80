import { CATALOG } from '../../devkit/fake-wavespeed/catalog';

/** A file the fake WaveSpeed serves (an input image, or a task's output). */
export async function fetchBytes(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** The fake's catalog as a user sorts it: the models that edit images, and the others. */
export const EDIT_MODELS = CATALOG.filter((model) => model.type === 'image-to-image').map(
	(model) => model.model_id,
);
export const OTHER_MODELS = CATALOG.filter((model) => model.type !== 'image-to-image').map(
	(model) => ({ id: model.model_id, type: model.type }),
);

/** A model's price per run on the fake (its catalog `base_price`). */
export function basePrice(id: string): number {
	const model = CATALOG.find((entry) => entry.model_id === id);
	if (!model) throw new Error(`${id} is not in the fake's catalog`);
	return model.base_price;
}
