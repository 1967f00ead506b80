import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { check, displayValue, isWholeNumber } from '../errors';
import { MIN_CHECK_GAP_MS } from '../task/checkSchedule';
import {
	binaryPropertyOutputField,
	downloadOutputField,
	type OutputSettings,
	readOutputSettings,
} from '../task/outputItem';
import { ADAPTIVE_START, CONCURRENCY_MAX } from './concurrency';

/** An option of the Options collection: its field, and the reader that checks what the user set. */
export interface NodeOption<T> {
	field: INodeProperties;
	/** Throws a ParameterProblem naming the option. */
	read(options: IDataObject): T;
}

const POLL_INTERVAL_MIN_SECONDS = MIN_CHECK_GAP_MS / 1000;

/** A number of seconds above 0, in milliseconds; `fix` says what to use instead. */
function readSeconds(options: IDataObject, option: NodeOption<number>, label: string, fix: string) {
	const fallback = option.field.default as number;
	const seconds = options[option.field.name] ?? fallback;
	check(
		typeof seconds === 'number' && seconds > 0,
		`Options → ${label}`,
		`${displayValue(seconds)} seconds is not allowed`,
		`${fix} (default ${fallback})`,
	);
	return seconds * 1000;
}

export const timeoutOption: NodeOption<number> = {
	field: {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description:
			'How long to wait for each item. A task still running then may still finish on WaveSpeed: fetch it later with Get Result.',
	},
	read: (options) =>
		readSeconds(options, timeoutOption, 'Timeout', 'Use a number of seconds above 0'),
};

export const pollIntervalOption: NodeOption<number> = {
	field: {
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: POLL_INTERVAL_MIN_SECONDS, numberPrecision: 1 },
		default: 10,
		description:
			"The longest wait between two status checks. The node checks when the image should be ready, and never sooner than WaveSpeed's rule of 2 seconds between checks.",
	},
	read(options) {
		const ms = readSeconds(
			options,
			pollIntervalOption,
			'Poll Interval',
			`Use at least ${POLL_INTERVAL_MIN_SECONDS} seconds`,
		);
		// Workflows saved when 0.1 s was allowed keep running, at WaveSpeed's 2 s.
		return Math.max(ms, MIN_CHECK_GAP_MS);
	},
};

/** Max Concurrency: a fixed limit, or undefined when it is not set and the node adapts. */
export const maxConcurrencyOption: NodeOption<number | undefined> = {
	field: {
		displayName: 'Max Concurrency',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: CONCURRENCY_MAX },
		default: 4,
		description: `How many items are worked on at the same time: a fixed limit, and 1 does one item after another. Without this option the node adapts to your WaveSpeed account: it starts with ${ADAPTIVE_START}, adds more while WaveSpeed accepts tasks (up to ${CONCURRENCY_MAX}), and steps back when WaveSpeed answers "too many requests" or queues tasks because the account runs as many as its level allows.`,
	},
	read({ maxConcurrency: value }) {
		if (value === undefined || value === null) return undefined;
		check(
			isWholeNumber(value) && value >= 1 && value <= CONCURRENCY_MAX,
			'Options → Max Concurrency',
			`${displayValue(value)} is not allowed`,
			`Use a whole number from 1 to ${CONCURRENCY_MAX}, or remove the option to let the node adapt`,
		);
		return value;
	},
};

/** How both operations wait for a task and turn it into an item. */
export interface ResultOptions {
	timeoutMs: number;
	pollIntervalMs: number;
	output: OutputSettings;
}

/** `asTool`: the node runs as an AI Agent's tool, where Download Output is off unless set. */
export function readResultOptions(options: IDataObject, asTool: boolean): ResultOptions {
	return {
		timeoutMs: timeoutOption.read(options),
		pollIntervalMs: pollIntervalOption.read(options),
		output: readOutputSettings(options, !asTool),
	};
}

/** The options both operations have: how long to wait, how often to look, where the images go. */
export const resultOptionFields: INodeProperties[] = [
	downloadOutputField,
	maxConcurrencyOption.field,
	binaryPropertyOutputField,
	pollIntervalOption.field,
	timeoutOption.field,
];

/** n8n lists a collection's options in the order given; its lint asks for alphabetical order. */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
