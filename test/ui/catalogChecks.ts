import type { Checks } from './checks';
import { until, type EditorPage, type WorkflowNode } from './editorPage';
import { basePrice, EDIT_MODELS, fetchBytes, OTHER_MODELS } from './fake';
import { saveScreenshot } from './screenshots';

/**
 * The browser test's checks of Model → "Another Model From WaveSpeed's Catalog…": the Catalog
 * Model list, the Model Inputs it loads, a run of a catalog model, and the same fields in the
 * node's Tool variant under an AI Agent.
 */
const EDIT_NODE = 'WaveSpeed Image Edit';
const TOOL_NODE = 'WaveSpeed Image Edit Tool';
const CATALOG_OPTION = "Another Model From WaveSpeed's Catalog…";
const SEEDREAM = 'bytedance/seedream-v4.5/edit';
const BANANA = 'google/nano-banana-pro/edit-multi';
/** Model Inputs' fields, by the names the node gives them from the fake's schemas. */
const SEEDREAM_FIELDS = ['Size (W*H, 1024–4096)'];
const BANANA_FIELDS = ['Aspect Ratio', 'Resolution', 'Output Format', 'Num Images (1–4)'];
/** The ids of google/nano-banana-pro/edit-multi's inputs in the fake's schema. */
const BANANA_INPUTS = ['aspect_ratio', 'resolution', 'output_format', 'num_images'];
/** The agent example run.sh imports (examples/ai-agent-image-edit.json). */
const AGENT_WORKFLOW = 'example-ai-agent-image-edit';
/** A `$fromAI('<key>', …)` value: as the node's default, or in the form n8n's ✨ button writes. */
const FROM_AI = (key: string) =>
	new RegExp(`^={{ (/\\*n8n-auto-generated-fromAI-override\\*/ )?\\$fromAI\\('${key}'`);

type Field = { name: string; cut: boolean };

/** How the field names read, noting those the editor cuts short with "…". */
const described = (fields: Field[]) =>
	fields.map(({ name, cut }) => `"${name}"${cut ? ' (cut short on screen)' : ''}`).join(', ');

/** Opens Catalog Model's list, searches it and picks the model. */
async function pickCatalogModel(editor: EditorPage, term: string, id: string) {
	await editor.openList('catalogModel');
	await editor.searchList('catalogModel', term);
	await editor.chooseListItem(id);
}

export async function checkCatalogModel(
	editor: EditorPage,
	checks: Checks,
	fakeOutput: string,
	docsDir?: string,
) {
	await editor.openNewWorkflow();
	await editor.openPanelFromPlusButton();
	await editor.search('image edit', EDIT_NODE);
	await editor.addFromResult(EDIT_NODE, 'Edit an image');
	await editor.chooseOption('model', CATALOG_OPTION);

	await checks.step(
		'Catalog Model "From List" offers the image-edit models of the catalog and no other',
		async () => {
			const items = await editor.openList('catalogModel');
			const missing = EDIT_MODELS.filter((id) => !items.includes(id));
			const offered = OTHER_MODELS.filter(({ id }) => items.includes(id));
			const unknown = items.filter((item) => !EDIT_MODELS.includes(item));
			if (missing.length || offered.length || unknown.length)
				throw new Error(
					`missing: ${missing.join(', ') || 'none'}; offered though not an edit model: ${offered.map(({ id }) => id).join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'}`,
				);
			return `${items.length} models: ${items.join(', ')}; not offered: ${OTHER_MODELS.map(({ id, type }) => `${id} (${type})`).join(', ')}`;
		},
	);
	await checks.step(
		`searching "seedream" finds ${SEEDREAM} only, not the text-to-image bytedance/seedream-v4.5`,
		async () => {
			if (!(await editor.listItems.first().isVisible())) await editor.openList('catalogModel');
			const items = await editor.searchList('catalogModel', 'seedream');
			if (items.join('|') !== SEEDREAM) throw new Error(`the list shows: ${items.join(', ')}`);
			return `the list shows: ${items.join(', ')}`;
		},
	);
	const picked = await checks.step(
		`picking ${SEEDREAM} shows its Model Inputs: ${SEEDREAM_FIELDS.join(', ')}`,
		async () => {
			if (!(await editor.listItems.first().isVisible())) {
				await editor.openList('catalogModel');
				await editor.searchList('catalogModel', 'seedream');
			}
			await editor.chooseListItem(SEEDREAM);
			return described(await editor.waitForMapperFields(SEEDREAM_FIELDS));
		},
	);
	if (!picked) return;

	const images = [`${fakeOutput}/images/800x600.png`, `${fakeOutput}/images/640x480.png`];
	const started = Date.now();
	const ran = await checks.step(
		'Size 1024*1024, a prompt and two image URLs filled, Execute step succeeds',
		async () => {
			await editor.mapperField('size').locator('input').fill('1024*1024');
			await editor.fillText('prompt', 'Put the person of image1 into the room of image2');
			await editor.fillText('url', images[0]);
			await editor.ndv
				.getByTestId('fixed-collection-images')
				.getByTestId('fixed-collection-add')
				.click();
			await editor.fillText('url', images[1], 1);
			await editor.executeStep();
			if ((await editor.runOutcome()) !== 'success')
				throw new Error(await editor.page.getByTestId('output-panel').innerText());
			return `${((Date.now() - started) / 1000).toFixed(1)} s from click to output`;
		},
	);
	if (ran) {
		await checks.step(
			"the binary view shows a 1024x1024 image, the fake's output of that task",
			async () => {
				const { fileName, taskId, size, bytes } = await editor.viewOutputImage();
				const output = await fetchBytes(`${fakeOutput}/outputs/${taskId}/0.png`);
				if (size !== '1024x1024') throw new Error(`image is ${size}, expected 1024x1024`);
				if (!bytes.equals(output))
					throw new Error(`the image shown is not task ${taskId}'s output`);
				return `${fileName}, ${size}, ${bytes.length} bytes`;
			},
		);
		const cost = basePrice(SEEDREAM);
		await checks.step(
			`the output's JSON: model ${SEEDREAM}, size 1024*1024, cost ${cost}`,
			async () => {
				const [item] = (await editor.outputJson()) as Array<Record<string, unknown>>;
				const got = { model: item.model, size: item.size, cost: item.cost };
				const wanted = { model: SEEDREAM, size: '1024*1024', cost };
				if (JSON.stringify(got) !== JSON.stringify(wanted))
					throw new Error(`the JSON view shows ${JSON.stringify(got)}`);
				return `${JSON.stringify({ ...got, currency: item.currency, width: item.width, height: item.height })}`;
			},
		);
		if (docsDir)
			await checks.step(`screenshot of the catalog model's fields saved to ${docsDir}`, () =>
				saveScreenshot(editor.page, docsDir, 'catalog-model-inputs'),
			);
	}

	await checks.step(
		`switching to ${BANANA} reloads Model Inputs with its fields and Output Format's options`,
		async () => {
			await pickCatalogModel(editor, 'nano banana', BANANA);
			const fields = await editor.waitForMapperFields(BANANA_FIELDS);
			const value = async (id: string) =>
				await editor.mapperField(id).locator('input').first().inputValue();
			const defaults = {
				resolution: await value('resolution'),
				output_format: await value('output_format'),
				num_images: await value('num_images'),
			};
			await editor.mapperField('output_format').click();
			const items = editor.page.locator('.el-select-dropdown__item:visible');
			await items.first().waitFor();
			const options = (await items.allInnerTexts()).map((option) => option.trim());
			await editor.page.keyboard.press('Escape');
			if (options.join('|') !== 'png|jpeg')
				throw new Error(`Output Format offers ${options.join(', ')}`);
			if (JSON.stringify(defaults) !== '{"resolution":"1k","output_format":"png","num_images":"1"}')
				throw new Error(`the fields hold ${JSON.stringify(defaults)}`);
			return `${described(fields)}; Output Format offers ${options.join(', ')}; defaults ${JSON.stringify(defaults)}`;
		},
	);
}

/** The Tool node added to the workflow as n8n saved it (autosaved), once it holds `model`. */
async function savedToolNode(
	editor: EditorPage,
	workflowId: string,
	before: string[],
	model: string,
	inputs: string[],
): Promise<WorkflowNode> {
	return await until(`n8n to save the Tool node with ${model} and its inputs`, async () => {
		const { nodes } = await editor.savedWorkflow(workflowId);
		return nodes.find((node) => {
			const { catalogModel, modelInputs } = node.parameters as {
				catalogModel?: { value?: string };
				modelInputs?: { schema?: Array<{ id: string }> };
			};
			return (
				!before.includes(node.name) &&
				node.type.endsWith('.waveSpeedImageEditTool') &&
				node.parameters.model === 'catalog' &&
				catalogModel?.value === model &&
				(modelInputs?.schema ?? []).map(({ id }) => id).join() === inputs.join()
			);
		});
	});
}

/** A Model Inputs field's row: its name and what the editor shows for its value. */
function fieldRow(editor: EditorPage, id: string) {
	return editor.mapperFields
		.locator('.parameter-item')
		.filter({ has: editor.page.getByTestId(`remove-field-button-${id}`) });
}

/** How n8n shows a field whose value the agent's model sets. */
async function fromAiDisplay(editor: EditorPage, id: string): Promise<string> {
	const text = await fieldRow(editor, id).innerText();
	if (text.includes('Defined automatically by the model'))
		return '"Defined automatically by the model"';
	const expression = /\{\{[^]*\}\}/.exec(text)?.[0].replace(/\s*\n\s*/g, '');
	return expression ? `the expression ${expression}` : `"${text.replace(/\n+/g, ' | ')}"`;
}

export async function checkToolCatalogModel(
	editor: EditorPage,
	checks: Checks,
	workflowId = AGENT_WORKFLOW,
) {
	const { page } = editor;
	let before: string[] = [];
	const added = await checks.step(
		`${TOOL_NODE} added from the AI Agent's Tool + ("WaveSpeed"), Model set to the catalog`,
		async () => {
			await page.goto(`${editor.base}/workflow/${workflowId}`);
			await editor.canvasNode('AI Agent').waitFor();
			before = (await editor.savedWorkflow(workflowId)).nodes.map((node) => node.name);
			await page
				.locator(
					'[data-test-id="canvas-node-input-handle"][data-node-name="AI Agent"][data-connection-type="ai_tool"]',
				)
				.getByTestId('canvas-handle-plus')
				.click();
			// Searched before the panel has switched to its Tools view, n8n lists other AI nodes.
			await editor.nodeCreator.getByText('Recommended Tools').waitFor();
			const titles = await editor.search('WaveSpeed', TOOL_NODE);
			if (!titles.includes(TOOL_NODE)) throw new Error(`results: ${titles.join(', ') || 'none'}`);
			await editor.addFromResult(TOOL_NODE, 'Edit an image');
			await editor.chooseOption('model', CATALOG_OPTION);
			return `results: ${titles.join(', ')}`;
		},
	);
	if (!added) return;

	const shown = await checks.step(
		`Tool: ${BANANA}'s optional Num Images holds a $fromAI(…) default, its options their defaults`,
		async () => {
			await pickCatalogModel(editor, 'nano banana', BANANA);
			const fields = await editor.waitForMapperFields(BANANA_FIELDS);
			const numImages = await fromAiDisplay(editor, 'num_images');
			if (
				!numImages.includes("$fromAI('num_images'") &&
				!numImages.includes('Defined automatically')
			)
				throw new Error(`Num Images shows ${numImages}`);
			const value = async (id: string) =>
				await editor.mapperField(id).locator('input').first().inputValue();
			const options = `Aspect Ratio "${await value('aspect_ratio')}", Resolution "${await value('resolution')}", Output Format "${await value('output_format')}"`;
			return `${described(fields)}; Num Images shows ${numImages}; ${options}`;
		},
	);
	if (!shown) return;
	await editor.closeNdv();
	let toolName = '';
	await checks.step(`Tool: the saved workflow's modelInputs.value for ${BANANA}`, async () => {
		const node = await savedToolNode(editor, workflowId, before, BANANA, BANANA_INPUTS);
		toolName = node.name;
		const { value } = node.parameters.modelInputs as { value: Record<string, unknown> };
		if (!FROM_AI('num_images').test(String(value.num_images)))
			throw new Error(`num_images is ${JSON.stringify(value.num_images)}`);
		if (value.resolution !== '1k' || value.output_format !== 'png')
			throw new Error(`the options hold ${JSON.stringify(value)}`);
		return `node "${node.name}": ${JSON.stringify(value)}`;
	});
	if (!toolName) return;

	await editor.canvasNode(toolName).dblclick();
	await editor.ndv.waitFor();
	await checks.step(
		`Tool: switching Catalog Model to ${SEEDREAM} gives its Size with a $fromAI(…) default (with ⋮ → Refresh Input List if n8n keeps the old fields)`,
		async () => {
			await editor.openList('catalogModel');
			await editor.searchList('catalogModel', 'seedream');
			// The editor asks for the new model's fields at once when it reloads them.
			const reloaded = page
				.waitForResponse(
					(response) =>
						response.url().includes('/dynamic-node-parameters/resource-mapper-fields') &&
						(response.request().postData() ?? '').includes(SEEDREAM),
					{ timeout: 5_000 },
				)
				.then(
					() => true,
					() => false,
				);
			await editor.chooseListItem(SEEDREAM);
			const byItself = await reloaded;
			if (!byItself) await editor.refreshMapperFields();
			const fields = await editor.waitForMapperFields(SEEDREAM_FIELDS);
			const size = await fromAiDisplay(editor, 'size');
			if (!size.includes("$fromAI('size'") && !size.includes('Defined automatically'))
				throw new Error(`Size shows ${size}`);
			await editor.closeNdv();
			const node = await savedToolNode(editor, workflowId, before, SEEDREAM, ['size']);
			const { value } = node.parameters.modelInputs as { value: Record<string, unknown> };
			if (!FROM_AI('size').test(String(value.size)) || Object.keys(value).join() !== 'size')
				throw new Error(`saved modelInputs.value: ${JSON.stringify(value)}`);
			const how = byItself
				? 'n8n reloaded the fields by itself'
				: `n8n kept ${BANANA}'s fields (no request for ${SEEDREAM}'s in 5 s) until ⋮ → Refresh Input List`;
			return `${how}; ${described(fields)} shows ${size}; saved modelInputs.value: ${JSON.stringify(value)}`;
		},
	);
}
