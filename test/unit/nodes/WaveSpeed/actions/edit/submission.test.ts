import type {
	ImageInput,
	EditRequest,
} from '../../../../../../nodes/WaveSpeed/actions/edit/request';
import {
	editFingerprint,
	editSubmission,
} from '../../../../../../nodes/WaveSpeed/actions/edit/submission';
import { findModel } from '../../../../../../nodes/WaveSpeed/models';
import { editRequest as request } from './editRequest';

const binaryImage = (id: string): ImageInput => ({
	source: 'binary',
	binaryPropertyName: 'data',
	binary: { id, data: '', mimeType: 'image/png' },
});

const key = (r: EditRequest) => JSON.stringify(editFingerprint(r));

describe('the Retry On Fail fingerprint is the submission itself, with stand-ins', () => {
	test('it holds every field of the body that is sent, and the model and webhook', () => {
		const r = request({ seed: 7 });
		const sent = editSubmission(r, ['https://example.com/a.png'], 7);
		expect(editFingerprint(r)).toEqual(sent);
	});

	test.each([
		['the prompt', { prompt: 'watercolor' }],
		['an image URL', { images: [{ source: 'url', url: 'https://example.com/b.png' }] }],
		['the LoRAs', { loras: [{ path: 'owner/repo', scale: 2 }] }],
		['the size', { size: '768*512' }],
		['the seed', { seed: 8 }],
		['the model', { model: findModel('wavespeed-ai/flux-2-klein-base-4b/edit-lora')! }],
		['Sync Mode', { options: { ...request().options, syncMode: true } }],
		['Base64 Output', { options: { ...request().options, base64Output: true } }],
		['the Webhook URL', { options: { ...request().options, webhookUrl: 'https://h/w' } }],
	] as Array<[string, Partial<EditRequest>]>)(
		'changing %s gives a new fingerprint',
		(_, change) => {
			expect(key(request(change))).not.toBe(key(request()));
		},
	);

	test('a binary image stands in by its content, not by the URL an upload gives it', () => {
		const withFile = request({ images: [binaryImage('filesystem-v2:a')] });
		expect(key(withFile)).toBe(key(request({ images: [binaryImage('filesystem-v2:a')] })));
		expect(key(withFile)).not.toBe(key(request({ images: [binaryImage('filesystem-v2:b')] })));
	});

	test('a random seed (-1) stands in as -1, whatever seed is then picked and sent', () => {
		const random = request({ seed: -1 });
		expect(editFingerprint(random).body.seed).toBe(-1);
		expect(editSubmission(random, ['https://example.com/a.png'], 42).body.seed).toBe(42);
	});
});
