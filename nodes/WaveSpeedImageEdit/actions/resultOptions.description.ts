import type { INodeProperties } from 'n8n-workflow';

import { DEFAULTS, LIMITS } from '../helpers/limits';

// The lint reads a parameter's default only from a literal or a plain name.
const { maxConcurrency, binaryPropertyOutput, pollIntervalSeconds, timeoutSeconds } = DEFAULTS;

/** The options both operations have: how long to wait, how often to look, where the images go. */
export const resultOptionFields: INodeProperties[] = [
	{
		displayName: 'Download Output',
		name: 'downloadOutput',
		type: 'boolean',
		default: true,
		description:
			'Whether to download the edited images as binary data. Off returns only their URLs.',
	},
	{
		displayName: 'Max Concurrency',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.concurrencyMax },
		default: maxConcurrency,
		description: `How many items are worked on at the same time: a fixed limit, and 1 does one item after another. Without this option the node adapts to your WaveSpeed account: it starts with ${DEFAULTS.adaptiveStart}, adds more while WaveSpeed accepts tasks and starts them at once (up to ${LIMITS.concurrencyMax}), and steps back when WaveSpeed answers "too many requests" or queues tasks because the account runs as many as its level allows.`,
	},
	{
		displayName: 'Output Binary Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: binaryPropertyOutput,
		description:
			'The output field for the edited image. Further images of the same task go to the same name with _1, _2 appended.',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: LIMITS.pollIntervalMin, numberPrecision: 1 },
		default: pollIntervalSeconds,
		description:
			'The longest wait between two status checks. The node checks sooner when a result is expected.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: timeoutSeconds,
		description:
			'How long to wait for each item. A task still running then may still finish on WaveSpeed: fetch it later with Get Result.',
	},
];

/** n8n lists a collection's options in the order given; its lint asks for alphabetical order. */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
