import type { INode, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TOOL_DESCRIPTIONS } from '../../../../../nodes/WaveSpeed/actions/toolDescription';
import { WaveSpeedImageEdit } from '../../../../../nodes/WaveSpeed/WaveSpeedImageEdit.node';

const plain = new WaveSpeedImageEdit();
/** The node type as n8n wraps it for an agent: its name ends in "Tool" (see convertNodeToAiTool). */
const tool: INodeType = {
	...plain,
	description: { ...plain.description, name: `${plain.description.name}Tool` },
};

/** The node's parameters as n8n's engine fills them in (defaults of the shown fields). */
function loaded(nodeType: INodeType, parameters: INode['parameters']): INode {
	const node: INode = {
		id: 'n',
		name: 'WaveSpeed Image Edit',
		type: `n8n-nodes-wavespeed-image-edit.${nodeType.description.name}`,
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
	return workflow.getNode(node.name)!;
}

describe("the tool's description", () => {
	test('the node has its own toolDescription, so n8n adds no "Tool Description" choice of its own', () => {
		const names = plain.description.properties.map((p) => p.name);
		expect(names).toContain('toolDescription');
		expect(names).not.toContain('descriptionType');
	});

	test.each([
		['Edit Image', { operation: 'edit' }, TOOL_DESCRIPTIONS.edit],
		['a workflow saved without an operation', {}, TOOL_DESCRIPTIONS.edit],
		['Get Result', { operation: 'getResult' }, TOOL_DESCRIPTIONS.getResult],
	])('%s: the model reads the default text', (_, parameters, expected) => {
		const node = loaded(tool, parameters);
		expect(node.parameters.toolDescription).toBe(expected);
		expect(NodeHelpers.getToolDescriptionForNode(node, tool)).toBe(expected);
	});

	test("the user's own text wins, including one saved with n8n's generated field", () => {
		const parameters = { descriptionType: 'manual', toolDescription: 'Edits my photos' };
		expect(NodeHelpers.getToolDescriptionForNode(loaded(tool, parameters), tool)).toBe(
			'Edits my photos',
		);
	});

	test('outside an agent the field is not there', () => {
		expect(loaded(plain, { operation: 'edit' }).parameters).not.toHaveProperty('toolDescription');
	});

	test('the edit text says how the prompt names the images and what comes back', () => {
		for (const words of ['image1, image2, …', 'in order', 'imageUrl', 'error'])
			expect(TOOL_DESCRIPTIONS.edit).toContain(words);
	});
});
