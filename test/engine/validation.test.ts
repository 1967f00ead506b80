import type { INodeParameters } from 'n8n-workflow';

import { ENGINE } from '../../devkit/harness/engine';
import type { SourceItem } from '../../devkit/harness/sourceNode';
import { editParameters, pngFile, withFakeWaveSpeed } from './fixtures';

const ws = withFakeWaveSpeed({ taskMs: 50 });
const URL_OK = 'https://example.com/a.png';
const url = (u: string) => ({ image: [{ source: 'url', url: u }] });
const binary = (name: string) => ({ image: [{ source: 'binary', binaryPropertyName: name }] });
const file = (bytes: Buffer, mimeType: string, fileName: string) => ({ bytes, mimeType, fileName });

interface BadInput {
	name: string;
	parameters: INodeParameters;
	items?: SourceItem[];
	/** The message must match this: it names the field, the item and the fix. */
	message: RegExp;
}

const cases: BadInput[] = [
	{
		name: 'empty prompt from an expression',
		parameters: { prompt: '={{ "" }}' },
		message: /^Prompt \(item 0\): is empty\. Describe the edit/,
	},
	{
		name: 'whitespace prompt',
		parameters: { prompt: '  \n\t ' },
		message: /^Prompt \(item 0\): is empty/,
	},
	{
		name: 'no images',
		parameters: { images: {} },
		message: /^Images \(item 0\): no image given\. Add image1/,
	},
	{
		name: '4 images',
		parameters: { images: { image: [1, 2, 3, 4].map(() => ({ source: 'url', url: URL_OK })) } },
		message:
			/^Images \(item 0\): at most 3 \(image1–image3\), 4 given\. Remove the images after image3/,
	},
	{
		name: 'empty URL',
		parameters: { images: url('') },
		message: /^Images → image 1 → Image URL \(item 0\): is empty\. Enter an http\(s\)/,
	},
	{
		name: 'ftp URL',
		parameters: { images: url('ftp://example.com/a.png') },
		message:
			/Image URL \(item 0\): "ftp:\/\/example\.com\/a\.png" is not an http\(s\) URL\. Use an address/,
	},
	{
		name: 'file URL',
		parameters: { images: url('file:///etc/passwd') },
		message: /Image URL \(item 0\): "file:\/\/\/etc\/passwd" is not an http\(s\) URL/,
	},
	{
		name: 'javascript URL',
		parameters: { images: url('javascript:alert(1)') },
		message: /Image URL \(item 0\): .* is not an http\(s\) URL/,
	},
	{
		name: 'plain text URL',
		parameters: { images: url('my photo') },
		message: /Image URL \(item 0\): "my photo" is not an http\(s\) URL/,
	},
	{
		name: 'missing binary property',
		parameters: { images: binary('photo') },
		items: [{ binary: { data: pngFile(300, 300) } }],
		message:
			/Input Binary Field \(item 0\): the item has no binary field "photo"\. Use one of: "data"/,
	},
	{
		name: 'binary on an item without files',
		parameters: { images: binary('data') },
		message:
			/Input Binary Field \(item 0\): the item has no binary field "data"\. Connect a node that outputs a file/,
	},
	{
		name: 'text file',
		parameters: { images: binary('data') },
		items: [
			{ binary: { data: file(Buffer.from('hello, not an image'), 'text/plain', 'notes.txt') } },
		],
		message:
			/Images → image 1 \(item 0\): "data" is not an image \(text\/plain\)\. Pass a PNG, JPEG/,
	},
	{
		name: 'PDF file',
		parameters: { images: binary('data') },
		items: [
			{
				binary: {
					data: file(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf', 'doc.pdf'),
				},
			},
		],
		message: /"data" is not an image \(application\/pdf\)/,
	},
	{
		name: 'PDF labelled as PNG',
		parameters: { images: binary('data') },
		items: [{ binary: { data: file(Buffer.from('%PDF-1.7\n1 0 obj'), 'image/png', 'fake.png') } }],
		message: /"data" is not an image/,
	},
	{
		name: 'zero-byte file',
		parameters: { images: binary('data') },
		items: [{ binary: { data: file(Buffer.alloc(0), 'image/png', 'empty.png') } }],
		message: /Images → image 1 \(item 0\): "data" is an empty file \(0 bytes\)/,
	},
	{
		name: 'image over 20 MB',
		parameters: { images: binary('data') },
		items: [
			{
				binary: {
					data: file(
						Buffer.concat([pngFile(256, 256).bytes, Buffer.alloc(21 * 1024 * 1024)]),
						'image/png',
						'huge.png',
					),
				},
			},
		],
		message: /"data" is \d+ bytes, over WaveSpeed's 20 MB upload limit\. Resize or compress/,
	},
	{
		name: 'width below 256',
		parameters: { size: 'custom', width: 255, height: 512 },
		message:
			/^Width \(item 0\): 255 is not allowed\. Use a whole number of pixels from 256 to 1536/,
	},
	{
		name: 'height above 1536',
		parameters: { size: 'custom', width: 512, height: 1537 },
		message: /^Height \(item 0\): 1537 is not allowed/,
	},
	{
		name: 'width not an integer',
		parameters: { size: 'custom', width: 512.5, height: 512 },
		message: /^Width \(item 0\): 512\.5 is not allowed/,
	},
	{
		name: 'negative height',
		parameters: { size: 'custom', width: 512, height: -512 },
		message: /^Height \(item 0\): -512 is not allowed/,
	},
	{
		name: 'seed -2',
		parameters: { seed: -2 },
		message:
			/^Seed \(item 0\): -2 is not allowed\. Use -1 for a random seed, or a whole number from 0 to 2147483647/,
	},
	{
		name: 'seed 2147483648',
		parameters: { seed: 2147483648 },
		message: /^Seed \(item 0\): 2147483648 is not allowed/,
	},
	{ name: 'seed 1.5', parameters: { seed: 1.5 }, message: /^Seed \(item 0\): 1\.5 is not allowed/ },
	{
		name: 'seed from a non-numeric expression',
		parameters: { seed: '={{ "lucky" }}' },
		message: /^Seed \(item 0\): "lucky" is not allowed\. Use -1 for a random seed/,
	},
	{
		name: 'timeout 0',
		parameters: { options: { timeout: 0 } },
		message:
			/^Options → Timeout \(item 0\): 0 seconds is not allowed\. Use a number of seconds above 0/,
	},
	{
		name: 'negative timeout',
		parameters: { options: { timeout: -5 } },
		message: /^Options → Timeout \(item 0\): -5 seconds is not allowed/,
	},
	{
		name: 'unknown model',
		parameters: { model: 'wavespeed-ai/flux-dev' },
		message: /^Model \(item 0\): unknown model "wavespeed-ai\/flux-dev"\. Choose one of/,
	},
	{
		name: 'maxConcurrency 0',
		parameters: { options: { maxConcurrency: 0 } },
		message:
			/^Options → Max Concurrency \(item 0\): 0 is not allowed\. Use a whole number from 1 to 200/,
	},
	{
		name: 'poll interval 0',
		parameters: { options: { pollInterval: 0 } },
		message: /^Options → Poll Interval \(item 0\): 0 seconds is not allowed/,
	},
	{
		name: 'empty output field',
		parameters: { options: { binaryPropertyOutput: ' ' } },
		message: /^Options → Output Binary Field \(item 0\): is empty/,
	},
];

describe('bad input is refused before any request is sent', () => {
	test.each(cases)('$name', async ({ parameters, items, message }) => {
		const requestsBefore = ws.fake.requests.length;
		const result = await ws.run({
			items,
			parameters: editParameters({ images: url(URL_OK), ...parameters }),
		});
		expect(result.items).toHaveLength(0);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(ws.fake.requests.length).toBe(requestsBefore);
	});

	test.each([
		{
			name: 'empty prompt typed in',
			parameters: { prompt: '' },
			message: /Parameter "Prompt" is required/,
		},
	])('n8n itself refuses a static $name before the node runs', async ({ parameters, message }) => {
		const requestsBefore = ws.fake.requests.length;
		const result = await ws.run({
			parameters: editParameters({ images: url(URL_OK), ...parameters }),
		});
		// n8n 1.x's refusal names no parameter (its editor marks the field instead); 2.x's does.
		expect(result.error?.message).toMatch(
			ENGINE.major === 1 ? /^The workflow has issues/ : message,
		);
		expect(ws.fake.requests.length).toBe(requestsBefore);
	});

	test('the item index in the message is the failing item, and item 0 is not sent either', async () => {
		const requestsBefore = ws.fake.requests.length;
		const result = await ws.run({
			items: [{ json: { w: 512 } }, { json: { w: 512 } }, { json: { w: 99 } }],
			parameters: editParameters({
				images: url(URL_OK),
				size: 'custom',
				width: '={{ $json.w }}',
				height: 512,
			}),
		});
		expect(result.error?.message).toMatch(/^Width \(item 2\): 99 is not allowed/);
		expect(ws.fake.requests.length).toBe(requestsBefore);
	});
});
