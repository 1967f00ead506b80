/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only code, not in the published package */
import type { Locator, Page } from 'playwright-core';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-Passw0rd!',
};

/** What the tests do in n8n 2.41.1's editor, by the data-test-ids n8n's own tests use. */
export class EditorPage {
	constructor(
		readonly page: Page,
		readonly base: string,
	) {}

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	get nodeCreator(): Locator {
		return this.page.getByTestId('node-creator');
	}

	async signUpOwner() {
		await this.page.goto(`${this.base}/setup`);
		for (const [name, value] of Object.entries(OWNER))
			await this.page.fill(`input[name=${name}]`, value);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/setup'));
	}

	async openNewWorkflow() {
		await this.page.goto(`${this.base}/workflow/new`);
		await this.page.getByTestId('canvas-plus-button').waitFor();
	}

	/** Opens the nodes panel from its + button at the canvas' top right. */
	async openPanelFromPlusButton() {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.nodeCreator.waitFor();
	}

	/** Opens the nodes panel from the + at the end of a node's output. */
	async openPanelFromNodeHandle(nodeName: string) {
		await this.canvasNode(nodeName).hover();
		await this.page.getByTestId('canvas-handle-plus').click();
		await this.nodeCreator.waitFor();
	}

	async closePanel() {
		await this.page.keyboard.press('Escape');
		await this.nodeCreator.waitFor({ state: 'hidden' });
	}

	/**
	 * Types a search and returns the results' titles once `expected` is among them, or once n8n
	 * shows "no results", or after 10 s. The search box is emptied first so that the previous
	 * search's results cannot be taken for this one's.
	 */
	async search(term: string, expected: string): Promise<string[]> {
		const box = this.nodeCreator.getByTestId('node-creator-search-bar');
		await box.fill('');
		await this.resultItem(expected).waitFor({ state: 'hidden' });
		await box.fill(term);
		const none = this.nodeCreator.getByTestId('node-creator-no-results');
		await this.resultItem(expected)
			.or(none)
			.first()
			.waitFor({ timeout: 10_000 })
			.catch(() => undefined);
		const titles = this.nodeCreator.getByTestId('node-creator-item-name');
		return (await titles.allInnerTexts()).map((title) => title.trim());
	}

	/** A result or action of the nodes panel by its exact title. */
	resultItem(title: string): Locator {
		const name = this.page.getByTestId('node-creator-item-name').getByText(title, { exact: true });
		return this.nodeCreator.getByTestId('item-iterator-item').filter({ has: name }).first();
	}

	/**
	 * Clicks a search result, then the action to add when n8n lists the node's actions (a node
	 * with operations), or "Add to workflow" on a community node's details.
	 */
	async addFromResult(displayName: string, action: string) {
		await this.resultItem(displayName).click();
		const actionItem = this.resultItem(action);
		const add = this.page.getByRole('button', { name: 'Add to workflow' });
		await actionItem.or(add).or(this.ndv).first().waitFor();
		if (await actionItem.isVisible()) await actionItem.click();
		else if (await add.isVisible()) await add.click();
		await this.ndv.waitFor();
	}

	canvasNode(name: string): Locator {
		return this.page.getByTestId('canvas-node').filter({ hasText: name }).first();
	}

	parameter(name: string): Locator {
		return this.ndv.getByTestId(`parameter-input-${name}`);
	}

	async fillText(name: string, value: string, index = 0) {
		await this.parameter(name).nth(index).locator('input, textarea').first().fill(value);
	}

	async chooseOption(name: string, option: string) {
		await this.parameter(name).click();
		await this.page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: option })
			.first()
			.click();
	}

	async executeStep() {
		await this.ndv.getByTestId('node-execute-button').click();
	}

	/** Waits for the output panel to show the run's data or its error, and says which. */
	async runOutcome(): Promise<'success' | 'error'> {
		const output = this.page.getByTestId('output-panel');
		const success = output.getByTestId('node-run-status-success');
		const error = output.getByTestId('node-error-message');
		await success.or(error).first().waitFor({ timeout: 120_000 });
		return (await success.isVisible()) ? 'success' : 'error';
	}

	async closeNdv() {
		await this.ndv.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	/** The open "From List" dropdown's items of a resource locator (e.g. Catalog Model). */
	get listItems(): Locator {
		// A closed dropdown's items stay in the page, hidden.
		return this.page.getByTestId('rlc-item').filter({ visible: true });
	}

	/** Opens a resource locator's "From List" dropdown and returns its items once they are in. */
	async openList(name: string): Promise<string[]> {
		await this.ndv.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
		await this.listItems.first().waitFor();
		return (await this.listItems.allInnerTexts()).map((text) => text.trim());
	}

	/**
	 * Types a search into a resource locator's open "From List" dropdown and returns the items once
	 * the list shows only items with every word of it (n8n asks the node's listSearch method
	 * again). n8n keeps the chosen item at the top whatever the search: it is left out.
	 */
	async searchList(name: string, term: string): Promise<string[]> {
		const chosen = await this.ndv
			.getByTestId(`resource-locator-${name}`)
			.getByTestId('rlc-input')
			.inputValue();
		await this.page.getByTestId('rlc-search').filter({ visible: true }).fill(term);
		const words = term.toLowerCase().split(/\s+/);
		return await until(`the list to show only "${term}"`, async () => {
			const items = (await this.listItems.allInnerTexts())
				.map((text) => text.trim())
				.filter((item) => item !== chosen);
			const found = items.every((item) => words.every((word) => item.toLowerCase().includes(word)));
			return items.length > 0 && found ? items : undefined;
		});
	}

	async chooseListItem(text: string) {
		await this.listItems.filter({ has: this.page.getByText(text, { exact: true }) }).click();
	}

	/** A resource mapper's fields (Model Inputs), as the editor shows them. */
	get mapperFields(): Locator {
		return this.ndv.getByTestId('mapping-fields-container');
	}

	/** The names of the mapper's fields, top to bottom, and whether the editor cuts each short. */
	async mapperFieldNames(): Promise<{ name: string; cut: boolean }[]> {
		const labels = this.mapperFields.locator('.parameter-item').getByTestId('input-label');
		// A field the agent defines shows n8n's own Description label inside its label: not a field.
		return await labels.evaluateAll((elements) =>
			elements
				.filter((label) => !label.parentElement?.closest('[data-test-id="input-label"]'))
				.map((label) => {
					const parts = [label, ...Array.from(label.querySelectorAll<HTMLElement>('*'))];
					return {
						name: (label as HTMLElement).innerText.split('\n')[0].trim(),
						cut: parts.some(
							(part) =>
								part.scrollWidth > part.clientWidth + 1 &&
								getComputedStyle(part).textOverflow === 'ellipsis',
						),
					};
				}),
		);
	}

	/** Waits until the mapper shows exactly these fields (by name) and returns them. */
	async waitForMapperFields(names: string[]): Promise<{ name: string; cut: boolean }[]> {
		let shown: string[] = [];
		return await until(
			`Model Inputs to show ${names.join(', ')}`,
			async () => {
				const fields = await this.mapperFieldNames();
				shown = fields.map((field) => field.name);
				return shown.join('|') === names.join('|') ? fields : undefined;
			},
			undefined,
			() => `it shows ${shown.length ? shown.join(', ') : 'no field'}`,
		);
	}

	/** A field of the resource mapper by the id the node gave it (e.g. "size"). */
	mapperField(id: string): Locator {
		return this.mapperFields.getByTestId(`parameter-input-${id}`);
	}

	/** The mapper's ⋮ menu → "Refresh Input List" (the words the node gave the mapper). */
	async refreshMapperFields() {
		const options = this.ndv
			.getByTestId('resource-mapper-container')
			.getByTestId('columns-parameter-input-options-container');
		await options.hover();
		await options.getByTestId('action-toggle').click();
		await this.page.getByRole('menuitem', { name: 'Refresh Input List' }).click();
	}

	/**
	 * Opens the output's first binary file (the edited image) in the binary view and reads what
	 * the browser shows: its file name, the task id in it, its pixel size and its bytes.
	 */
	async viewOutputImage(): Promise<{
		fileName: string;
		taskId: string;
		size: string;
		bytes: Buffer;
	}> {
		const output = this.page.getByTestId('output-panel');
		const card = output.getByTestId('ndv-binary-data_0');
		const fileName = /wavespeed-[\w-]+\.png/.exec(await card.innerText())?.[0];
		const taskId = fileName && /wavespeed-([0-9a-f]+)/.exec(fileName)?.[1];
		if (!fileName || !taskId)
			throw new Error(`no wavespeed-<task id>.png file name in: ${await card.innerText()}`);
		await output.getByTestId('ndv-view-binary-data').click();
		const image = output.locator('img[src*="/rest/binary-data"]');
		await image.waitFor();
		await image.evaluate((img: HTMLImageElement) => img.decode());
		const size = await image.evaluate(
			(img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`,
		);
		const shown = await this.page.request.get((await image.getAttribute('src'))!);
		return { fileName, taskId, size, bytes: Buffer.from(await shown.body()) };
	}

	/** The output panel's data in its JSON view. */
	async outputJson(): Promise<unknown> {
		const output = this.page.getByTestId('output-panel');
		await output
			.getByTestId('ndv-run-data-display-mode')
			.getByText('JSON', { exact: true })
			.click();
		const json = output.locator('.json-data');
		await json.waitFor();
		// The view indents with no-break spaces.
		return JSON.parse((await json.innerText()).replace(/\u00a0/g, ' '));
	}

	/**
	 * A workflow as n8n's REST API returns it to the signed-in editor (the request the editor
	 * makes itself, with its browser id).
	 */
	async savedWorkflow(id: string): Promise<{ nodes: WorkflowNode[] }> {
		return await this.page.evaluate(async (workflowId) => {
			const response = await fetch(`/rest/workflows/${workflowId}`, {
				headers: { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
			});
			if (!response.ok)
				throw new Error(`GET /rest/workflows/${workflowId}: HTTP ${response.status}`);
			return ((await response.json()) as { data: { nodes: WorkflowNode[] } }).data;
		}, id);
	}
}

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

/**
 * Polls `read` until it returns a value (a state of the page or of n8n to wait for), for at most
 * `timeout` ms; throws naming what it waited for.
 */
export async function until<T>(
	what: string,
	read: () => Promise<T | undefined>,
	timeout = 30_000,
	lastSeen?: () => string,
): Promise<T> {
	const end = Date.now() + timeout;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > end)
			throw new Error(`waited ${timeout / 1000} s for ${what}${lastSeen ? `: ${lastSeen()}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
