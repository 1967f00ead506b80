import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { MODELS } from '../../../../nodes/WaveSpeed/models';
import { WaveSpeedImageEdit } from '../../../../nodes/WaveSpeed/WaveSpeedImageEdit.node';

const nodeType = new WaveSpeedImageEdit();

/** The subtitle as n8n's editor shows it: the description's expression, evaluated for a node. */
function subtitleFor(parameters: INode['parameters']): unknown {
	const node: INode = {
		id: 'n',
		name: 'WaveSpeed Image Edit',
		type: 'test.waveSpeedImageEdit',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle!,
		'internal',
		{},
	);
}

describe("the node's subtitle", () => {
	test.each(MODELS.map((m) => [m.id, m.name]))('Edit Image with %s reads "%s"', (id, name) => {
		expect(subtitleFor({ operation: 'edit', model: id })).toBe(name);
	});

	test('a workflow saved before operations existed (no operation) names its model', () => {
		expect(subtitleFor({ model: MODELS[1].id })).toBe(MODELS[1].name);
	});

	test('Get Result reads "Get Result"', () => {
		expect(subtitleFor({ operation: 'getResult', model: MODELS[0].id })).toBe('Get Result');
	});
});
