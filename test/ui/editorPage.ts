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
}
