import type { RequestSchema, SchemaProperty } from './catalog';

/**
 * A submit checked against its model's `request_schema`: required fields, types, enums,
 * minimum/maximum, minItems/maxItems, and `size` "W*H" within the property's minimum/maximum when it
 * has no enum (the bounds WaveSpeed's desktop app reads for `size`, schemaToForm.ts). The answer is
 * a 400 message "<field>: <why>"; the wording is ours (WaveSpeed publishes none).
 *
 * Keys the schema does not name are not checked and not refused: "The API's entry whitelist
 * silently DROPS any input key that is not in the model's schema" (WaveSpeedAI/wavespeed-cli
 * `src/lib/validate-inputs.ts`).
 */
export function validateInputs(
	schema: RequestSchema,
	body: Record<string, unknown>,
): string | undefined {
	for (const name of schema.required) {
		if (isEmpty(body[name]) && !schema.properties[name]?.['x-hidden'])
			return `${name}: is required`;
	}
	for (const [name, prop] of Object.entries(schema.properties)) {
		const value = body[name];
		// An optional field sent as null counts as not sent (our choice: not published).
		if (value === undefined || value === null) continue;
		const problem = checkValue(name, prop, value);
		if (problem) return problem;
	}
	return undefined;
}

function isEmpty(value: unknown): boolean {
	// The desktop app's rule for a required field (schemaToForm.ts validateFormValues).
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

const TYPE_CHECKS: Record<SchemaProperty['type'], (value: unknown) => boolean> = {
	string: (v) => typeof v === 'string',
	integer: (v) => typeof v === 'number' && Number.isInteger(v),
	number: (v) => typeof v === 'number' && Number.isFinite(v),
	boolean: (v) => typeof v === 'boolean',
	array: (v) => Array.isArray(v),
	object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

const TYPE_NAMES: Record<SchemaProperty['type'], string> = {
	string: 'a string',
	integer: 'an integer',
	number: 'a number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
};

/** A field the model fetches: an uploader, or a list of them (the desktop app's hints). */
function isFileField(prop: SchemaProperty): boolean {
	return prop['x-ui-component'] === 'uploader' || prop['x-ui-component'] === 'uploaders';
}

/** What WaveSpeed can fetch: an http(s) URL or a data: URI (FACTS §4; which models take data: URIs is not published). */
const FETCHABLE = /^(https?:\/\/|data:)/;

function checkValue(field: string, prop: SchemaProperty, value: unknown): string | undefined {
	if (!TYPE_CHECKS[prop.type](value)) return `${field}: must be ${TYPE_NAMES[prop.type]}`;
	if (prop.enum && !prop.enum.includes(value as string | number)) {
		return `${field}: must be one of ${prop.enum.join(', ')}`;
	}
	if (prop.type === 'integer' || prop.type === 'number') {
		const n = value as number;
		if (prop.minimum !== undefined && n < prop.minimum)
			return `${field}: must be at least ${prop.minimum}`;
		if (prop.maximum !== undefined && n > prop.maximum)
			return `${field}: must be at most ${prop.maximum}`;
	}
	if (prop.type === 'string') {
		const text = value as string;
		if (field === 'size' && !prop.enum && text !== '') return checkSize(prop, text);
		if (prop['x-ui-component'] === 'uploader' && text !== '' && !FETCHABLE.test(text))
			return `${field}: must be an http(s) URL`;
	}
	if (prop.type === 'array') return checkItems(field, prop, value as unknown[]);
	if (prop.type === 'object' && prop.properties) {
		return checkObject(field, prop.properties, prop.required ?? [], value);
	}
	return undefined;
}

function checkSize(prop: SchemaProperty, text: string): string | undefined {
	const match = /^(\d+)\*(\d+)$/.exec(text);
	const sides = match ? [Number(match[1]), Number(match[2])] : [];
	const { minimum = 1, maximum = Infinity } = prop;
	if (sides.length !== 2 || sides.some((side) => side < minimum || side > maximum)) {
		const range =
			maximum === Infinity ? `at least ${minimum}` : `between ${minimum} and ${maximum}`;
		return `size: must be "W*H" with each side ${range}`;
	}
	return undefined;
}

function checkItems(field: string, prop: SchemaProperty, items: unknown[]): string | undefined {
	if (prop.minItems !== undefined && items.length < prop.minItems) {
		return `${field}: must have at least ${prop.minItems} item${prop.minItems === 1 ? '' : 's'}`;
	}
	if (prop.maxItems !== undefined && items.length > prop.maxItems) {
		return `${field}: must have at most ${prop.maxItems} items`;
	}
	const itemProp = prop.items;
	if (!itemProp) return undefined;
	for (const [n, item] of items.entries()) {
		const problem = checkValue(`${field}[${n}]`, itemProp, item);
		if (problem) return problem;
		if (isFileField(prop) && typeof item === 'string' && !FETCHABLE.test(item)) {
			return `${field}[${n}]: must be an http(s) URL`;
		}
	}
	return undefined;
}

function checkObject(
	field: string,
	properties: Record<string, SchemaProperty>,
	required: string[],
	value: unknown,
): string | undefined {
	const object = value as Record<string, unknown>;
	for (const name of required) {
		if (isEmpty(object[name])) return `${field}.${name}: is required`;
	}
	for (const [name, prop] of Object.entries(properties)) {
		if (object[name] === undefined || object[name] === null) continue;
		const problem = checkValue(`${field}.${name}`, prop, object[name]);
		if (problem) return problem;
	}
	return undefined;
}

/** Names of the field that carries a model's input picture(s), most usual first. */
const IMAGE_FIELDS = ['image', 'images', 'image_url', 'image_urls'];

/**
 * The first input image of a submit, whatever the model calls its image field (`image`, `images`,
 * `image_url`, `image_urls`, or another `…image(s)` field; the names WaveSpeed's desktop app treats as
 * image inputs, schemaToForm.ts `detectFileType`). A mask or an end frame is not an input image.
 */
export function firstImageOf(
	schema: RequestSchema,
	body: Record<string, unknown>,
): { field: string; url: string } | undefined {
	const named = Object.keys(schema.properties).filter(
		(name) => /(image|images|image_url|image_urls)$/.test(name) && !/^(mask|last)_/.test(name),
	);
	const fields = [
		...IMAGE_FIELDS.filter((f) => named.includes(f)),
		...named.filter((f) => !IMAGE_FIELDS.includes(f)),
	];
	for (const field of fields) {
		const value = body[field];
		const url = Array.isArray(value) ? value[0] : value;
		if (typeof url === 'string' && url !== '') return { field, url };
	}
	return undefined;
}

/**
 * The output size a submit asks for: its `size` "W*H", else the schema's default `size`; undefined
 * for none or `auto` (the output then takes the first input image's size).
 */
export function requestedSize(
	schema: RequestSchema,
	body: Record<string, unknown>,
): { width: number; height: number } | undefined {
	const sent = typeof body.size === 'string' && body.size !== '' ? body.size : undefined;
	const size = sent ?? schema.properties.size?.default;
	const match = typeof size === 'string' ? /^(\d+)\*(\d+)$/.exec(size) : null;
	return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

/** How many outputs a task gives: its `num_images` where the schema has one, else 1. */
export function outputCountOf(schema: RequestSchema, body: Record<string, unknown>): number {
	const prop = schema.properties.num_images;
	if (!prop) return 1;
	const sent = body.num_images;
	if (typeof sent === 'number' && Number.isInteger(sent) && sent >= 1) return sent;
	return typeof prop.default === 'number' ? prop.default : 1;
}
