import type { IDataObject } from 'n8n-workflow';

import { check, show } from '../errors/parameterProblem';
import { POLL_INTERVAL_MIN_SECONDS } from '../task/checkSchedule';
import { type OutputSettings, readOutputSettings } from '../task/outputOptions';

export const TIMEOUT_SECONDS = 300;
export const POLL_INTERVAL_SECONDS = 10;

/** How both operations wait for a task and turn it into an item. */
export interface ResultOptions {
	timeoutMs: number;
	pollIntervalMs: number;
	output: OutputSettings;
}

/** `asTool`: the node runs as an AI Agent's tool, where Download Output is off unless set. */
export function readResultOptions(o: IDataObject, asTool = false): ResultOptions {
	const timeout = o.timeout ?? TIMEOUT_SECONDS;
	check(
		typeof timeout === 'number' && timeout > 0,
		'Options → Timeout',
		`${show(timeout)} seconds is not allowed`,
		`Use a number of seconds above 0 (default ${TIMEOUT_SECONDS})`,
	);
	const pollInterval = o.pollInterval ?? POLL_INTERVAL_SECONDS;
	check(
		typeof pollInterval === 'number' && pollInterval > 0,
		'Options → Poll Interval',
		`${show(pollInterval)} seconds is not allowed`,
		`Use at least ${POLL_INTERVAL_MIN_SECONDS} seconds (default ${POLL_INTERVAL_SECONDS})`,
	);
	return {
		timeoutMs: timeout * 1000,
		// Workflows saved when 0.1 s was allowed keep running, at WaveSpeed's 2 s.
		pollIntervalMs: Math.max(pollInterval, POLL_INTERVAL_MIN_SECONDS) * 1000,
		output: readOutputSettings(o, !asTool),
	};
}
