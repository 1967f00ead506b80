import { formatMoney } from '../../../../../../nodes/WaveSpeed/actions/edit/costs';
import {
	editFingerprint,
	editSubmission,
	type EditItem,
	type ImageInput,
	priceInputsOf,
} from '../../../../../../nodes/WaveSpeed/actions/edit/editItem';
import { findModel } from '../../../../../../nodes/WaveSpeed/models';
import { editItem as item } from './editRequest';

const storedImage = (id: string): ImageInput => ({
	source: 'binary',
	file: { fieldName: 'data', binary: { id, data: '', mimeType: 'image/png' } },
	identity: `binary:${id}`,
});

const urlImage = (url: string): ImageInput => ({ source: 'url', url, identity: url });

describe('the Retry On Fail fingerprint: a hash of the submission, each image by its identity', () => {
	test('it is the submission as sent, with identities for the uploaded URLs', () => {
		const withUrl = item({ seed: 7 });
		const sent = editSubmission(withUrl, ['https://example.com/a.png'], 7);
		expect(sent.body).toMatchObject({ images: ['https://example.com/a.png'], seed: 7 });
		expect(editFingerprint(withUrl)).toBe(editFingerprint(item({ seed: 7 })));
	});

	test.each([
		['the prompt', { prompt: 'watercolor' }],
		['an image URL', { images: [urlImage('https://example.com/b.png')] }],
		['the LoRAs', { loras: [{ path: 'owner/repo', scale: 2 }] }],
		['the size', { size: '768*512' }],
		['the seed', { seed: 8 }],
		['the model', { model: findModel('wavespeed-ai/flux-2-klein-base-4b/edit-lora')! }],
		['Sync Mode', { options: { ...item().options, syncMode: true } }],
		['Base64 Output', { options: { ...item().options, base64Output: true } }],
		['the Webhook URL', { options: { ...item().options, webhookUrl: 'https://h/w' } }],
	] as Array<[string, Partial<EditItem>]>)('changing %s gives a new fingerprint', (_, change) => {
		expect(editFingerprint(item(change))).not.toBe(editFingerprint(item()));
	});

	test('a stored file is known by its binary id, not by the URL an upload gives it', () => {
		const withFile = item({ images: [storedImage('filesystem-v2:a')] });
		expect(editFingerprint(withFile)).toBe(
			editFingerprint(item({ images: [storedImage('filesystem-v2:a')] })),
		);
		expect(editFingerprint(withFile)).not.toBe(
			editFingerprint(item({ images: [storedImage('filesystem-v2:b')] })),
		);
	});

	test('a random seed (-1) is -1 in the fingerprint, whatever seed a try then picks and sends', () => {
		const random = item({ seed: -1 });
		expect(editFingerprint(random)).toBe(editFingerprint(item({ seed: -1 })));
		expect(editSubmission(random, ['https://example.com/a.png'], 42).body.seed).toBe(42);
	});
});

describe('priceInputsOf: what WaveSpeed is asked to price', () => {
	test("the request's settings, without its prompt, seed or images", () => {
		const inputs = priceInputsOf(item());
		expect(inputs).toMatchObject({ size: '512*512', loras: [{ path: 'owner/repo', scale: 1 }] });
		for (const content of ['prompt', 'seed', 'images']) expect(inputs).not.toHaveProperty(content);
	});

	test('items that differ only in prompt, seed or images share one quote', () => {
		const other = priceInputsOf(
			item({ prompt: 'oil', seed: 9, images: [urlImage('https://x.test/b.png')] }),
		);
		expect(other).toEqual(priceInputsOf(item()));
	});

	test('another size or LoRA is priced on its own', () => {
		expect(priceInputsOf(item({ size: '1024*1024' }))).not.toEqual(priceInputsOf(item()));
		expect(priceInputsOf(item({ loras: [{ path: 'owner/other', scale: 1 }] }))).not.toEqual(
			priceInputsOf(item()),
		);
	});
});

describe('formatMoney: amounts in millionths, shown as money', () => {
	test.each([
		[90_000, '0.09 USD'],
		[100_000, '0.10 USD'],
		[15_000, '0.015 USD'],
		[12_345_678, '12.3457 USD'],
		[0, '0.00 USD'],
	])('%d → %s', (micros, text) => {
		expect(formatMoney(micros, 'USD')).toBe(text);
	});
});
