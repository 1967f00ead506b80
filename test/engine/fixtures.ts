import type { INodeParameters } from 'n8n-workflow';

import { makePng } from '../../devkit/fake-wavespeed/png';
import type { FaultRule } from '../../devkit/fake-wavespeed/faults';
import { FakeWaveSpeed, type FakeWaveSpeedOptions } from '../../devkit/fake-wavespeed/server';
import type { FakeTask } from '../../devkit/fake-wavespeed/tasks';
import { runImageEdit, type RunOptions } from '../../devkit/harness/engine';

export function editParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
		prompt: 'Make it look like a watercolor painting',
		images: { image: [{ source: 'url', url: 'http://127.0.0.1:9/unused.png' }] },
		size: 'matchInput',
		seed: -1,
		options: {},
		...overrides,
	};
}

export function urlImages(...urls: string[]): INodeParameters {
	return { image: urls.map((url) => ({ source: 'url', url })) };
}

export function binaryImages(...fields: string[]): INodeParameters {
	return { image: fields.map((binaryPropertyName) => ({ source: 'binary', binaryPropertyName })) };
}

export function pngFile(width: number, height: number, fileName = `photo-${width}x${height}.png`) {
	return { bytes: makePng(width, height, 3), mimeType: 'image/png', fileName };
}

/** Starts a fake WaveSpeed for a test file and gives a runner bound to its credentials. */
export function withFakeWaveSpeed(options: FakeWaveSpeedOptions = {}) {
	const ctx = {
		fake: undefined as unknown as FakeWaveSpeed,
		run: (run: Omit<RunOptions, 'credentials'> & { credentials?: RunOptions['credentials'] }) =>
			runImageEdit({ credentials: { apiKey: ctx.fake.apiKey, baseUrl: ctx.fake.url }, ...run }),
		image: (width: number, height: number) => `${ctx.fake.outputUrl}/images/${width}x${height}.png`,
	};
	beforeAll(async () => {
		ctx.fake = await FakeWaveSpeed.start(options);
	});
	afterAll(async () => {
		await ctx.fake.close();
	});
	return ctx;
}

/** Makes the fake answer the next request to `route` with this status and body, once. */
export function answerWith(
	fake: FakeWaveSpeed,
	route: FaultRule['route'],
	status: number,
	body: unknown,
) {
	fake.inject({ route, action: { kind: 'status', status, body } });
}

/** The JSON every node gives for a completed task of the fake (Edit, Get Result, the trigger). */
export function completedTaskJson(task: FakeTask) {
	return {
		id: task.id,
		model: task.model,
		status: 'completed',
		outputs: task.outputs,
		timings: { inference: expect.any(Number) },
		createdAt: expect.any(String),
	};
}
