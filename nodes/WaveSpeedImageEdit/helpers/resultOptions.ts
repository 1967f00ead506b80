import type { IDataObject } from 'n8n-workflow';

import { DEFAULTS, LIMITS } from './limits';
import { check, show } from './parameters';

/** How both operations wait for a task and turn it into an item. */
export interface ResultOptions {
	timeoutMs: number;
	pollIntervalMs: number;
	binaryPropertyOutput: string;
	downloadOutput: boolean;
}

export function readResultOptions(o: IDataObject): ResultOptions {
	const timeout = o.timeout ?? DEFAULTS.timeoutSeconds;
	check(
		typeof timeout === 'number' && timeout > 0,
		'Options → Timeout',
		`${show(timeout)} seconds is not allowed`,
		`Use a number of seconds above 0 (default ${DEFAULTS.timeoutSeconds})`,
	);
	const pollInterval = o.pollInterval ?? DEFAULTS.pollIntervalSeconds;
	check(
		typeof pollInterval === 'number' && pollInterval >= LIMITS.pollIntervalMin,
		'Options → Poll Interval',
		`${show(pollInterval)} seconds is not allowed`,
		`Use at least ${LIMITS.pollIntervalMin} seconds (default ${DEFAULTS.pollIntervalSeconds})`,
	);
	const binaryPropertyOutput = String(
		o.binaryPropertyOutput ?? DEFAULTS.binaryPropertyOutput,
	).trim();
	check(
		binaryPropertyOutput !== '',
		'Options → Output Binary Field',
		'is empty',
		`Name the output field, e.g. "${DEFAULTS.binaryPropertyOutput}"`,
	);
	return {
		timeoutMs: timeout * 1000,
		pollIntervalMs: pollInterval * 1000,
		binaryPropertyOutput,
		downloadOutput: o.downloadOutput !== false,
	};
}
