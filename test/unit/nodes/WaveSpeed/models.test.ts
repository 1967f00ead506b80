import { ANY_MODEL, findModel, MODELS } from '../../../../nodes/WaveSpeed/models';

const inputs = {
	prompt: 'p',
	images: ['https://example.com/a.png'],
	seed: 3,
	loras: [{ path: 'owner/repo', scale: 0.5 }],
	syncMode: false,
	base64Output: true,
};

describe('each model is one record: id, name, limits and how its body is built', () => {
	test.each(MODELS.map((m) => [m.id, m] as const))('%s', (_, model) => {
		const body = model.body(inputs);
		expect(body).toMatchObject({
			prompt: 'p',
			images: ['https://example.com/a.png'],
			seed: 3,
			enable_sync_mode: false,
			enable_base64_output: true,
		});
		expect(body).not.toHaveProperty('size');
		if (model.limits.lorasMax > 0) expect(body.loras).toEqual([{ path: 'owner/repo', scale: 0.5 }]);
		else expect(body).not.toHaveProperty('loras');
	});

	test('a custom size is sent as W*H', () => {
		expect(MODELS[0].body({ ...inputs, size: '512*768' }).size).toBe('512*768');
	});

	test('the editor’s bounds cover every model', () => {
		for (const { limits } of MODELS) {
			expect(ANY_MODEL.sideMin).toBeLessThanOrEqual(limits.sideMin);
			expect(ANY_MODEL.sideMax).toBeGreaterThanOrEqual(limits.sideMax);
			expect(ANY_MODEL.imagesMax).toBeGreaterThanOrEqual(limits.imagesMax);
		}
		expect(findModel('no/such/model')).toBeUndefined();
	});
});
