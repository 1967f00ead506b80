import { priceInputs } from '../../../../../../nodes/WaveSpeed/actions/edit/price';
import { editRequest as request } from './editRequest';

describe('priceInputs: what WaveSpeed is asked to price', () => {
	test("the request's settings, without its prompt, seed or images", () => {
		const inputs = priceInputs(request());
		expect(inputs).toMatchObject({ size: '512*512', loras: [{ path: 'owner/repo', scale: 1 }] });
		for (const content of ['prompt', 'seed', 'images']) expect(inputs).not.toHaveProperty(content);
	});

	test('items that differ only in prompt, seed or images share one quote', () => {
		const one = priceInputs(request());
		const other = priceInputs(
			request({ prompt: 'oil', seed: 9, images: [{ source: 'url', url: 'https://x.test/b.png' }] }),
		);
		expect(other).toEqual(one);
	});

	test('another size or LoRA is priced on its own', () => {
		expect(priceInputs(request({ size: '1024*1024' }))).not.toEqual(priceInputs(request()));
		expect(priceInputs(request({ loras: [{ path: 'owner/other', scale: 1 }] }))).not.toEqual(
			priceInputs(request()),
		);
	});
});
