/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- dev-only code, not in the published package */
import { openBrowser } from './browser';
import { checkCatalogModel, checkToolCatalogModel } from './catalogChecks';
import { Checks } from './checks';
import { EditorPage } from './editorPage';
import { fetchBytes } from './fake';
import { takeReadmeScreenshots } from './screenshots';
import { SEARCH_TARGETS } from './searchTargets';

/**
 * The browser test (`npm run test:ui`, started by run.sh with n8n, the fake WaveSpeed and a
 * credential ready): what a new user does in n8n's editor, checked one step at a time.
 */
const N8N_URL = required('N8N_URL');
const FAKE_OUTPUT = required('FAKE_OUTPUT');
const PROFILE_DIR = required('UI_PROFILE_DIR');
const DOCS_DIR = process.env.UI_DOCS_DIR;
const EDIT_NODE = 'WaveSpeed Image Edit';
const INPUT_URL = `${FAKE_OUTPUT}/images/800x600.png`;

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set (run test/ui/run.sh)`);
	return value;
}

async function searchEverything(editor: EditorPage, checks: Checks, from: string) {
	for (const { displayName, terms } of SEARCH_TARGETS) {
		// The panel shows a trigger named after its app without " Trigger" ("WaveSpeed").
		const title = displayName.replace(/ Trigger$/, '');
		for (const term of terms) {
			await checks.step(`search "${term}" from ${from} finds ${displayName}`, async () => {
				const titles = await editor.search(term, title);
				const shown = `results: ${titles.slice(0, 5).join(', ') || 'none'}${titles.length > 5 ? ', …' : ''}`;
				if (!titles.includes(title)) throw new Error(shown);
				return shown;
			});
		}
	}
}

async function checkSearch(editor: EditorPage, checks: Checks) {
	await editor.openNewWorkflow();
	await editor.openPanelFromPlusButton();
	await searchEverything(editor, checks, "the panel's + button");
	await checks.step(
		`${EDIT_NODE} added from the "image edit" result, with the credential selected`,
		async () => {
			await editor.search('image edit', EDIT_NODE);
			await editor.addFromResult(EDIT_NODE, 'Edit an image');
			const credential = await editor.ndv
				.getByTestId('node-credentials-select')
				.locator('input')
				.inputValue();
			if (credential !== 'WaveSpeed account')
				throw new Error(`credential field shows "${credential}"`);
			return `credential "${credential}"`;
		},
	);
	await editor.closeNdv();
	await editor.openPanelFromNodeHandle(EDIT_NODE);
	await searchEverything(editor, checks, `${EDIT_NODE}'s + handle`);
	await editor.closePanel();
	await editor.canvasNode(EDIT_NODE).dblclick();
	await editor.ndv.waitFor();
}

/** Runs the node on the fake and compares what the binary view shows with the fake's output. */
async function checkRunAndBinaryOutput(editor: EditorPage, checks: Checks) {
	const started = Date.now();
	const ran = await checks.step('prompt and image URL filled, Execute step succeeds', async () => {
		await editor.fillText('prompt', 'Turn image1 into a watercolor painting');
		await editor.fillText('url', INPUT_URL);
		await editor.executeStep();
		const outcome = await editor.runOutcome();
		if (outcome !== 'success')
			throw new Error(await editor.page.getByTestId('output-panel').innerText());
		return `${((Date.now() - started) / 1000).toFixed(1)} s from click to output`;
	});
	if (!ran) return;
	await checks.step('the output panel shows the edited image in its binary view', async () => {
		const { fileName, taskId, size, bytes } = await editor.viewOutputImage();
		const [fakeOutput, input] = await Promise.all([
			fetchBytes(`${FAKE_OUTPUT}/outputs/${taskId}/0.png`),
			fetchBytes(INPUT_URL),
		]);
		if (size !== '800x600') throw new Error(`image is ${size}, expected 800x600`);
		if (!bytes.equals(fakeOutput))
			throw new Error(`the image shown is not task ${taskId}'s output`);
		if (bytes.equals(input)) throw new Error('the image shown is the unedited input');
		return `${fileName}, ${size}, ${bytes.length} bytes, identical to the fake's output of task ${taskId}`;
	});
}

async function checkSizeFields(editor: EditorPage, checks: Checks) {
	await editor.chooseOption('size', 'Custom');
	for (const side of ['width', 'height']) {
		await checks.step(`${side} says its range where it is typed`, async () => {
			const field = editor.page.getByTestId(`parameter-input-${side}`);
			const item = editor.ndv.getByTestId('parameter-item').filter({ has: field });
			const range = (await item.innerText()).split('\n').find((line) => /256\D+1536/.test(line));
			if (!range)
				throw new Error(`field shows: ${(await item.innerText()).replace(/\n+/g, ' | ')}`);
			const input = field.locator('input');
			await input.fill('100');
			await input.press('Tab');
			return `"${range.trim()}" under the field; typing 100 leaves ${await input.inputValue()}`;
		});
	}
	await editor.chooseOption('size', 'Match Input');
}

async function checkImageButtonAndLimit(editor: EditorPage, checks: Checks) {
	const images = editor.ndv.getByTestId('fixed-collection-images');
	const add = images.getByTestId('fixed-collection-add');
	await checks.step('the add-image button reads "Add Image"', async () => {
		const label = (await add.innerText()).trim();
		if (label !== 'Add Image') throw new Error(`it reads "${label}"`);
	});
	await checks.step(
		'a 4th image is refused: the editor stops at 3 or the node says the limit',
		async () => {
			for (let count = 2; count <= 4; count++) {
				if (!(await add.isVisible()))
					return `the editor offers no "Add Image" at ${count - 1} images`;
				await add.click();
				await editor.fillText('url', INPUT_URL, count - 1);
			}
			await editor.executeStep();
			const blocked = editor.page.locator('.el-notification').filter({ hasText: 'cannot start' });
			const error = editor.page.getByTestId('output-panel').getByTestId('node-error-message');
			await blocked.or(error).first().waitFor({ timeout: 60_000 });
			const message = (
				(await error.isVisible()) ? await error.innerText() : await blocked.innerText()
			).replace(/\n+/g, ' ');
			if (!/image/i.test(message) || !/\b3\b/.test(message))
				throw new Error(`n8n says: ${message}`);
			return `n8n 2.41.1 offers a 4th; Execute says: ${message}`;
		},
	);
}

async function main() {
	const checks = new Checks();
	const context = await openBrowser(PROFILE_DIR);
	const editor = new EditorPage(context.pages()[0] ?? (await context.newPage()), N8N_URL);
	const started = Date.now();
	try {
		const signedUp = await checks.step('owner account created on the set-up page', async () => {
			await editor.signUpOwner();
			return `then at ${new URL(editor.page.url()).pathname}`;
		});
		if (signedUp) {
			await checkSearch(editor, checks);
			await checkRunAndBinaryOutput(editor, checks);
			await checkSizeFields(editor, checks);
			await checkImageButtonAndLimit(editor, checks);
			await checkCatalogModel(editor, checks, FAKE_OUTPUT, DOCS_DIR);
			await checkToolCatalogModel(editor, checks);
			if (DOCS_DIR)
				await checks.step(`README screenshots saved to ${DOCS_DIR}`, () =>
					takeReadmeScreenshots(editor, DOCS_DIR),
				);
		}
	} catch (error) {
		checks.record(
			false,
			'the browser test ran to its end',
			(error as Error).message.split('\n')[0],
		);
	} finally {
		await context.close();
	}
	console.log(`browser steps took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(checks.summary());
	process.exitCode = checks.failed === 0 ? 0 : 1;
}

void main();
