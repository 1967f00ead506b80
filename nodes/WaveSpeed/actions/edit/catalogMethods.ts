import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { accountMemory } from '../../account/accountMemory';
import { mapperFields } from '../../modelInputs';
import { isEditModel } from '../../modelSchema';
import type { CatalogEntry } from '../../transport/catalog';
import { WaveSpeedClient } from '../../transport/client';
import { runsAsTool } from '../../task/toolAnswer';
import { PROMPT_OPTIMIZER } from './enhancePrompt';

/** The catalog of the node's credential (kept an hour per account). */
async function catalogOf(ctx: ILoadOptionsFunctions): Promise<CatalogEntry[]> {
	const client = await WaveSpeedClient.connect(ctx);
	return await accountMemory(client.accountKey).catalog(client);
}

/** Catalog Model → From List: WaveSpeed's image-edit models, most featured first. */
export async function searchCatalogModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const models = (await catalogOf(this))
		.filter(isEditModel)
		.filter((entry) => {
			const text = `${entry.id} ${entry.name} ${entry.description}`.toLowerCase();
			return words.every((word) => text.includes(word));
		})
		.sort((a, b) => b.sortOrder - a.sortOrder || a.id.localeCompare(b.id));
	return {
		results: models.map((entry) => ({
			name: entry.name === entry.id ? entry.id : `${entry.name} (${entry.id})`,
			value: entry.id,
			description: entry.description,
			url: `https://wavespeed.ai/models/${entry.id}`,
		})),
	};
}

/**
 * Model Inputs: the chosen catalog model's inputs as typed fields. A problem is shown where the
 * fields would be (n8n's mapper does not show a thrown error when it does not map automatically).
 */
export async function getModelInputs(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const id = String(this.getNodeParameter('catalogModel', '', { extractValue: true }) ?? '').trim();
	if (id === '' || id.startsWith('=')) {
		return { fields: [], emptyFieldsNotice: 'Choose a model first: its inputs show here' };
	}
	let catalog: CatalogEntry[];
	try {
		catalog = await catalogOf(this);
	} catch (error) {
		return {
			fields: [],
			emptyFieldsNotice: `WaveSpeed's model catalog could not be read: ${(error as Error).message}`,
		};
	}
	const entry = catalog.find((model) => model.id === id);
	if (!entry) {
		return { fields: [], emptyFieldsNotice: `"${id}" is not in WaveSpeed's model catalog` };
	}
	if (!isEditModel(entry)) {
		return {
			fields: [],
			emptyFieldsNotice: `"${id}" is not an image-edit model (it is ${entry.type || 'of no stated type'})`,
		};
	}
	const fields = mapperFields(entry.schema, runsAsTool(this.getNode()));
	return fields.length
		? { fields }
		: { fields, emptyFieldsNotice: `${id} takes only a prompt and images` };
}

/** Enhance Prompt Style: the styles WaveSpeed's prompt optimizer takes, from its schema. */
export async function getEnhanceStyles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const optimizer = (await catalogOf(this)).find((entry) => entry.id === PROMPT_OPTIMIZER);
	const styles = optimizer?.schema.properties.style?.enum ?? [];
	return styles.map((style) => ({ name: String(style), value: String(style) }));
}
