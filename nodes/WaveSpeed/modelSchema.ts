import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import { check, displayValue, isWholeNumber } from './errors';
import type { Model, RequestSchema, SchemaProperty } from './models';

/**
 * Models of WaveSpeed's catalog read the way WaveSpeed's desktop app turns a request schema into a
 * form (WaveSpeedAI/wavespeed-desktop `src/lib/schemaToForm.ts`): fields in `x-order-properties`
 * order, `x-hidden` ones hidden, `enable_sync_mode` and `enable_base64_output` never shown (the
 * node's own options set them), a property named `…image`, `…images`, `…image_url` or
 * `…image_urls` an image input, and `size` without `enum` a "W*H" within `minimum`/`maximum`.
 */

/** Set from the node's options (Sync Mode, Base64 Output), never typed inputs. */
const NODE_SET = ['enable_sync_mode', 'enable_base64_output'];
/** The image inputs the desktop app recognises by name. */
const IMAGE_NAME = /(^|_)(image|images|image_url|image_urls)$/;
/** Image-named inputs that are not what the edit works on. */
const NOT_THE_IMAGES = /^(mask|last|end|tail)_/;
/**
 * The most images a list input takes when its schema gives no `maxItems`: the desktop app's
 * default for an uploader list (our choice where WaveSpeed's schema is silent).
 */
const IMAGES_MAX_UNSTATED = 10;
const SEED_MAX = 2147483647;

/** Where the node's Images go in a model's inputs. */
export interface ImageInput {
	name: string;
	/** An array of URLs, or a single URL. */
	list: boolean;
	min: number;
	max: number;
}

/** The property the node's Images feed, if the model takes images. */
export function imageInputOf(schema: RequestSchema): ImageInput | undefined {
	const preferred = ['images', 'image', 'image_urls', 'image_url'];
	const name =
		preferred.find((n) => n in schema.properties) ??
		schema.order.find((n) => IMAGE_NAME.test(n) && !NOT_THE_IMAGES.test(n));
	if (name === undefined) return undefined;
	const property = schema.properties[name];
	const list = property.type === 'array';
	return {
		name,
		list,
		min: Math.max(1, list ? (property.minItems ?? 1) : 1),
		max: list ? (property.maxItems ?? IMAGES_MAX_UNSTATED) : 1,
	};
}

/** What a catalog entry's `type` says it makes: `image-to-image` → image, `image-effects` → image. */
function outputOf(type: string): string {
	return type.includes('-to-') ? type.split('-to-')[1] : type.split('-')[0];
}

/** A model of the catalog this node can run: it takes images and returns images. */
export function isEditModel(entry: { type: string; schema: RequestSchema }): boolean {
	return outputOf(entry.type) === 'image' && imageInputOf(entry.schema) !== undefined;
}

/** The inputs a user sets in Model Inputs: all but the prompt, the images and the node-set flags. */
export function typedInputNames(schema: RequestSchema): string[] {
	const image = imageInputOf(schema)?.name;
	return schema.order.filter(
		(name) =>
			name !== 'prompt' &&
			name !== image &&
			!NODE_SET.includes(name) &&
			schema.properties[name]['x-hidden'] !== true,
	);
}

/** A catalog entry as the one record every model is (models.ts). */
export function catalogModel(entry: {
	id: string;
	name: string;
	description: string;
	schema: RequestSchema;
}): Model {
	const { schema } = entry;
	const image = imageInputOf(schema);
	if (!image) throw new Error(`${entry.id} takes no image`);
	return {
		id: entry.id,
		name: entry.name,
		description: entry.description,
		limits: {
			imagesMin: image.min,
			imagesMax: image.max,
			sideMin: 0,
			sideMax: Number.MAX_SAFE_INTEGER,
			seedMax: SEED_MAX,
			lorasMax: 0,
			loraScaleMin: 0,
			loraScaleMax: 0,
		},
		schema,
		body({ prompt, images, syncMode, base64Output, extra = {} }) {
			const body: IDataObject = {};
			for (const name of schema.order) {
				if (name === 'prompt') body.prompt = prompt;
				else if (name === image.name) body[name] = image.list ? images : images[0];
				else if (name === 'enable_sync_mode') body[name] = syncMode;
				else if (name === 'enable_base64_output') body[name] = base64Output;
				else if (extra[name] !== undefined) body[name] = extra[name];
			}
			return body;
		},
		// Priced with the item's full inputs (a price may hang on any of them), but its prompt and seed.
		priceInputs(body) {
			const inputs: IDataObject = { ...body };
			delete inputs.prompt;
			delete inputs.seed;
			return inputs;
		},
	};
}

const titled = (name: string) =>
	name
		.split('_')
		.filter(Boolean)
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

const range = (lo?: number, hi?: number) =>
	lo !== undefined && hi !== undefined ? `${lo}–${hi}` : lo !== undefined ? `≥ ${lo}` : `≤ ${hi}`;
const bounded = (p: SchemaProperty) => p.minimum !== undefined || p.maximum !== undefined;

/**
 * What the field's name adds, kept short (n8n's editor cuts a long name): n8n's typed fields carry
 * no bounds or help of their own.
 */
function hint(name: string, p: SchemaProperty): string {
	if (p.enum) return '';
	if (isSize(name, p)) return ` (W*H${bounded(p) ? `, ${range(p.minimum, p.maximum)}` : ''})`;
	if (p.type === 'integer' || p.type === 'number') {
		if (bounded(p)) return ` (${range(p.minimum, p.maximum)})`;
		return p.type === 'integer' ? ' (whole number)' : '';
	}
	if (p.type === 'array')
		return ` (JSON list${p.maxItems !== undefined ? `, ≤ ${p.maxItems}` : ''})`;
	if (p.type === 'object') return ' (JSON)';
	return '';
}

/** The rules of an input in words, for an agent's model. */
function rules(name: string, p: SchemaProperty): string {
	if (p.enum) return `one of ${p.enum.map((v) => JSON.stringify(v)).join(', ')}`;
	if (isSize(name, p)) {
		return `width*height in pixels${bounded(p) ? `, each side ${range(p.minimum, p.maximum)}` : ''}`;
	}
	if (p.type === 'integer' || p.type === 'number') {
		const kind = p.type === 'integer' ? 'whole number' : 'number';
		return bounded(p) ? `${kind}, ${range(p.minimum, p.maximum)}` : kind;
	}
	if (p.type === 'array')
		return `JSON list${p.maxItems !== undefined ? ` of at most ${p.maxItems}` : ''}`;
	if (p.type === 'object') return 'JSON object';
	return '';
}

const isSize = (name: string, p: SchemaProperty) =>
	name === 'size' && p.type === 'string' && !p.enum;

function fieldType(p: SchemaProperty): FieldType {
	if (p.enum) return 'options';
	if (p.type === 'boolean') return 'boolean';
	if (p.type === 'integer' || p.type === 'number') return 'number';
	if (p.type === 'array') return 'array';
	if (p.type === 'object') return 'object';
	return 'string';
}

function defaultOf(p: SchemaProperty): string | number | boolean | null | undefined {
	const value = p.default;
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return JSON.stringify(value);
	return value as string | number | boolean;
}

/** The type `$fromAI` takes for a field (n8n's tool schema knows these four). */
function fromAiType(p: SchemaProperty): string {
	if (p.type === 'boolean') return 'boolean';
	if (p.type === 'integer' || p.type === 'number') return 'number';
	if (p.type === 'array' || p.type === 'object') return 'json';
	return 'string';
}

/** A description of the input for an agent's model: WaveSpeed's own words and the field's rules. */
function toolDescription(name: string, p: SchemaProperty): string {
	const parts = [
		(p.description ?? titled(name)).trim().replace(/[.;]+$/, ''),
		rules(name, p),
		p.default !== undefined ? `default ${JSON.stringify(p.default)}` : '',
	];
	return parts.filter(Boolean).join('; ').replace(/[`\\]/g, '').slice(0, 500);
}

/**
 * n8n's editor shows a field as "Defined automatically by the model" only when its value starts so
 * (its own ✨ button writes that form).
 */
const FROM_AI_OVERRIDE = '/*n8n-auto-generated-fromAI-override*/';

/**
 * A model's typed inputs as n8n's resource mapper shows them (Model Inputs): WaveSpeed's order,
 * its defaults, required ones marked, `enum` as options, bounds in the field's name. For the
 * node as an AI Agent's tool, each optional input's default lets the agent's model set it
 * (`$fromAI`, with WaveSpeed's description and the input's rules), so the tool's schema follows
 * the model's.
 */
export function mapperFields(schema: RequestSchema, asTool: boolean): ResourceMapperField[] {
	return typedInputNames(schema).map((name) => {
		const p = schema.properties[name];
		const required = schema.required.includes(name);
		const field: ResourceMapperField = {
			id: name,
			displayName: `${p.title ?? titled(name)}${hint(name, p)}`,
			required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: fieldType(p),
		};
		if (p.enum)
			field.options = p.enum.map((value) => ({ name: String(value), value: value as string }));
		const fallback = defaultOf(p);
		if (asTool && !p.enum && !required) {
			const given = fallback === undefined ? '' : `, ${JSON.stringify(p.default)}`;
			field.defaultValue = `={{ ${FROM_AI_OVERRIDE} $fromAI('${name}', \`${toolDescription(name, p)}\`, '${fromAiType(p)}'${given}) }}`;
		} else if (fallback !== undefined) {
			field.defaultValue = fallback;
		}
		return field;
	});
}

function parsedJson(text: string): { ok: boolean; value?: unknown } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** A value as the schema's type wants it, from what n8n's editor saved (numbers and JSON may be text). */
function typed(name: string, p: SchemaProperty, value: unknown): unknown {
	const field = `Model Inputs → ${p.title ?? titled(name)}`;
	if ((p.type === 'integer' || p.type === 'number') && typeof value === 'string') {
		const number = Number(value.trim());
		check(
			value.trim() !== '' && Number.isFinite(number),
			field,
			`${displayValue(value)} is not a number`,
			'Enter a number',
		);
		return number;
	}
	if (p.type === 'boolean' && typeof value === 'string') {
		check(
			['true', 'false'].includes(value),
			field,
			`${displayValue(value)} is not true or false`,
			'Turn it on or off',
		);
		return value === 'true';
	}
	if ((p.type === 'array' || p.type === 'object') && typeof value === 'string') {
		const parsed = parsedJson(value);
		check(
			parsed.ok,
			field,
			`${displayValue(value.slice(0, 80))} is not JSON`,
			`Enter a JSON ${p.type === 'array' ? 'list' : 'object'}`,
		);
		return parsed.value;
	}
	return value;
}

function checkValue(name: string, p: SchemaProperty, value: unknown, field: string): unknown {
	if (p.enum) {
		const match = p.enum.find((option) => option === value || String(option) === String(value));
		check(
			match !== undefined,
			field,
			`${displayValue(value)} is not one of its values`,
			`Choose one of: ${p.enum.map((v) => displayValue(v)).join(', ')}`,
		);
		return match;
	}
	const bounds = () =>
		[
			p.minimum !== undefined ? `from ${p.minimum}` : '',
			p.maximum !== undefined ? `to ${p.maximum}` : '',
		]
			.filter(Boolean)
			.join(' ');
	if (p.type === 'integer' || p.type === 'number') {
		check(
			typeof value === 'number',
			field,
			`${displayValue(value)} is not a number`,
			'Enter a number',
		);
		check(
			p.type !== 'integer' || isWholeNumber(value),
			field,
			`${value} is not a whole number`,
			`Use a whole number ${bounds()}`.trim(),
		);
		check(
			(p.minimum === undefined || value >= p.minimum) &&
				(p.maximum === undefined || value <= p.maximum),
			field,
			`${value} is not allowed`,
			`Use a number ${bounds()}`,
		);
		return value;
	}
	if (p.type === 'boolean') {
		check(
			typeof value === 'boolean',
			field,
			`${displayValue(value)} is not true or false`,
			'Turn it on or off',
		);
		return value;
	}
	if (p.type === 'array') {
		check(Array.isArray(value), field, 'is not a list', 'Enter a JSON list, e.g. []');
		check(
			p.minItems === undefined || value.length >= p.minItems,
			field,
			`${value.length} given, at least ${p.minItems} needed`,
			`Give at least ${p.minItems}`,
		);
		check(
			p.maxItems === undefined || value.length <= p.maxItems,
			field,
			`at most ${p.maxItems}, ${value.length} given`,
			`Remove entries until ${p.maxItems} are left`,
		);
		const items = p.items;
		if (items?.type === 'object' && items.properties) {
			value.forEach((entry, n) => checkObject(items, entry, `${field} → ${n + 1}`));
		}
		return value;
	}
	if (p.type === 'object') {
		check(
			!!value && typeof value === 'object' && !Array.isArray(value),
			field,
			'is not a JSON object',
			'Enter a JSON object, e.g. {}',
		);
		return value;
	}
	check(typeof value === 'string', field, `${displayValue(value)} is not text`, 'Enter text');
	if (isSize(name, p)) {
		const sides = /^(\d+)\*(\d+)$/.exec(value.trim());
		const within = (side: number) =>
			(p.minimum === undefined || side >= p.minimum) &&
			(p.maximum === undefined || side <= p.maximum);
		check(
			!!sides && within(Number(sides[1])) && within(Number(sides[2])),
			field,
			`${displayValue(value)} is not allowed`,
			`Use width*height in pixels, e.g. 1024*1024${p.minimum !== undefined || p.maximum !== undefined ? `, each side ${bounds()}` : ''}`,
		);
		return value.trim();
	}
	return value;
}

/** An entry of a list of records (e.g. LoRAs `{path, scale}`), checked as the klein LoRAs are. */
function checkObject(
	items: SchemaProperty & { properties?: Record<string, SchemaProperty>; required?: string[] },
	entry: unknown,
	field: string,
) {
	check(
		!!entry && typeof entry === 'object' && !Array.isArray(entry),
		field,
		'is not a JSON object',
		'Give each entry as {"name": value}',
	);
	const record = entry as IDataObject;
	for (const [key, p] of Object.entries(items.properties ?? {})) {
		const value = record[key];
		if (value === undefined || value === '') {
			check(
				!(items.required ?? []).includes(key),
				`${field} → ${titled(key)}`,
				'is empty',
				`Set ${key}`,
			);
			continue;
		}
		checkValue(key, p, value, `${field} → ${titled(key)}`);
	}
}

/**
 * The item's Model Inputs, checked against the model's schema as WaveSpeed would take them:
 * required inputs set, whole numbers, bounds, `enum` values, `size` as W*H, list lengths. Empty
 * optional inputs are left out (WaveSpeed uses its default); an input the model does not take is
 * refused (WaveSpeed would drop it silently and bill the edit without it). Throws a
 * ParameterProblem naming the input.
 */
export function checkModelInputs(model: Model, raw: IDataObject): IDataObject {
	const schema = model.schema!;
	const names = typedInputNames(schema);
	const inputs: IDataObject = {};
	for (const [name, value] of Object.entries(raw)) {
		check(
			names.includes(name),
			`Model Inputs → ${name}`,
			`${model.id} takes no input "${name}"`,
			'Open Model Inputs and choose ⋮ → Refresh Input List, or remove the input',
		);
		if (value === null || value === undefined || value === '') continue;
		const p = schema.properties[name];
		const field = `Model Inputs → ${p.title ?? titled(name)}`;
		inputs[name] = checkValue(name, p, typed(name, p, value), field) as IDataObject[string];
	}
	for (const name of names) {
		const p = schema.properties[name];
		check(
			!schema.required.includes(name) || inputs[name] !== undefined,
			`Model Inputs → ${p.title ?? titled(name)}`,
			'is required',
			`Set it: ${p.description ?? 'the model needs this input'}`,
		);
	}
	return inputs;
}
