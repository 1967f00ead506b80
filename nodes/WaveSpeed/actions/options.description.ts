import type { INodeProperties } from 'n8n-workflow';

import { POLL_INTERVAL_MIN_SECONDS } from '../task/checkSchedule';
import { binaryPropertyOutputField, downloadOutputField } from '../task/outputOptions';
import { ADAPTIVE_START, CONCURRENCY_MAX } from './concurrency';
import { POLL_INTERVAL_SECONDS, TIMEOUT_SECONDS } from './options';

/** What Max Concurrency shows when the option is added; without it the node adapts. */
const MAX_CONCURRENCY = 4;

/** The options both operations have: how long to wait, how often to look, where the images go. */
export const resultOptionFields: INodeProperties[] = [
	downloadOutputField,
	{
		displayName: 'Max Concurrency',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: CONCURRENCY_MAX },
		default: MAX_CONCURRENCY,
		description: `How many items are worked on at the same time: a fixed limit, and 1 does one item after another. Without this option the node adapts to your WaveSpeed account: it starts with ${ADAPTIVE_START}, adds more while WaveSpeed accepts tasks (up to ${CONCURRENCY_MAX}), and steps back when WaveSpeed answers "too many requests" or queues tasks because the account runs as many as its level allows.`,
	},
	binaryPropertyOutputField,
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: POLL_INTERVAL_MIN_SECONDS, numberPrecision: 1 },
		default: POLL_INTERVAL_SECONDS,
		description:
			"The longest wait between two status checks. The node checks when the image should be ready, and never sooner than WaveSpeed's rule of 2 seconds between checks.",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: TIMEOUT_SECONDS,
		description:
			'How long to wait for each item. A task still running then may still finish on WaveSpeed: fetch it later with Get Result.',
	},
];

/** n8n lists a collection's options in the order given; its lint asks for alphabetical order. */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
