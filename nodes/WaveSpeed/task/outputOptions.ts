import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { check } from '../errors/parameterProblem';

const BINARY_PROPERTY_OUTPUT = 'data';

/** How a finished task becomes an item: Edit Image, Get Result and the trigger all offer these. */
export interface OutputSettings {
	downloadOutput: boolean;
	binaryPropertyOutput: string;
}

export const downloadOutputField: INodeProperties = {
	displayName: 'Download Output',
	name: 'downloadOutput',
	type: 'boolean',
	default: true,
	description: 'Whether to download the edited images as binary data. Off returns only their URLs.',
};

export const binaryPropertyOutputField: INodeProperties = {
	displayName: 'Output Binary Field',
	name: 'binaryPropertyOutput',
	type: 'string',
	default: BINARY_PROPERTY_OUTPUT,
	description:
		'The output field for the edited image. Further images of the same task go to the same name with _1, _2 appended.',
};

/**
 * Reads both options from a node's Options collection; throws a ParameterProblem. Download Output
 * left out of the collection means `downloadByDefault` (an agent's tool downloads nothing unless
 * asked: the model gets only the JSON).
 */
export function readOutputSettings(options: IDataObject, downloadByDefault = true): OutputSettings {
	const binaryPropertyOutput = String(
		options.binaryPropertyOutput ?? BINARY_PROPERTY_OUTPUT,
	).trim();
	check(
		binaryPropertyOutput !== '',
		'Options → Output Binary Field',
		'is empty',
		`Name the output field, e.g. "${BINARY_PROPERTY_OUTPUT}"`,
	);
	const downloadOutput =
		options.downloadOutput === undefined ? downloadByDefault : options.downloadOutput !== false;
	return { downloadOutput, binaryPropertyOutput };
}
