import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import { check, displayValue, isWholeNumber } from './errors';
import { typedInputNames } from './modelSchema';
import type { Model, RequestSchema, SchemaProperty } from './models';

/**
 * A catalog model's own inputs (Model Inputs): the typed fields n8n's resource mapper shows for
 * them, and the reader that checks an item's values against the model's schema, side by side.
 */

const titled = (name: string) =>
	name
		.split('_')
		.filter(Boolean)
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

const range = (lo?: number, hi?: number) =>
	lo !== undefined && hi !== undefined ? `${lo}–${hi}` : lo !== undefined ? `≥ ${lo}` : `≤ ${hi}`;
/** The numbers a description names: "1024-4096" names 1024 and 4096, "e.g. 10" not 0 or 1. */
const numbersIn = (text = '') =>
	new Set((text.match(/(?<![\d.])-?\d+(?:\.\d+)?/g) ?? []).map(Number));
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

/**
 * The rules of an input in words, for an agent's model; the bounds only when WaveSpeed's own
 * description does not already give them.
 */
function rules(name: string, p: SchemaProperty): string {
	if (p.enum) return `one of ${p.enum.map((v) => JSON.stringify(v)).join(', ')}`;
	const named = numbersIn(p.description);
	const said = (bound?: number) => bound === undefined || named.has(bound);
	const bounds = bounded(p) && !(said(p.minimum) && said(p.maximum));
	if (isSize(name, p)) {
		return `width*height in pixels${bounds ? `, each side ${range(p.minimum, p.maximum)}` : ''}`;
	}
	if (p.type === 'integer' || p.type === 'number') {
		const kind = p.type === 'integer' ? 'whole number' : 'number';
		return bounds ? `${kind}, ${range(p.minimum, p.maximum)}` : kind;
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
