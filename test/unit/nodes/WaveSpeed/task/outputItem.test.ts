import { taskJson } from '../../../../../nodes/WaveSpeed/task/outputItem';
import type { WaveSpeedTask } from '../../../../../nodes/WaveSpeed/transport/predictions';

const FIELDS = [
	'id',
	'model',
	'status',
	'outputs',
	'timings',
	'seed',
	'size',
	'createdAt',
	'resultUrl',
];

const task = (overrides: Partial<WaveSpeedTask> = {}): WaveSpeedTask => ({
	id: 't1',
	model: 'wavespeed-ai/flux-2-klein-base-9b/edit',
	status: 'completed',
	outputs: ['https://cdn.example/t1.png'],
	timings: { inference: 2100 },
	created_at: '2026-12-03T08:00:00Z',
	urls: { get: 'https://api.example/api/v3/predictions/t1/result' },
	...overrides,
});

describe('taskJson: one shape for every way a task reaches the workflow', () => {
	test.each([
		['a task just submitted (Wait for Result off)', task({ status: 'created', outputs: [] })],
		['a running task (Get Result without waiting)', task({ status: 'processing', outputs: [] })],
		['a completed task', task()],
		['a failed task (a trigger callback)', task({ status: 'failed', outputs: [], error: 'NSFW' })],
	])('%s has every field', (_, given) => {
		expect(Object.keys(taskJson(given))).toEqual(expect.arrayContaining(FIELDS));
	});

	test('what the node knows of the request wins over what WaveSpeed echoes', () => {
		const json = taskJson(task({ input: { seed: 1, size: '256*256' } }), { seed: 2, model: 'm' });
		expect(json).toMatchObject({ seed: 2, size: '256*256', model: 'm' });
	});

	test('seed and size echoed in the task input are used when the node does not know them', () => {
		expect(taskJson(task({ input: { seed: 9, size: '512*512' } }))).toMatchObject({
			seed: 9,
			size: '512*512',
		});
	});

	test("a task that ended without completing carries WaveSpeed's reason, or says there was none", () => {
		expect(taskJson(task({ status: 'failed', error: 'NSFW' })).error).toBe('NSFW');
		expect(taskJson(task({ status: 'cancelled', error: '' })).error).toBe(
			'WaveSpeed gave no reason',
		);
		expect(taskJson(task({ status: 'processing' }))).not.toHaveProperty('error');
		expect(taskJson(task())).not.toHaveProperty('error');
	});

	test('an error after the task (a failed download) is carried in the same field', () => {
		expect(taskJson(task(), {}, 'Could not download output 1').error).toBe(
			'Could not download output 1',
		);
	});

	test('unknown values are null, never missing', () => {
		const json = taskJson({ id: 't2', status: 'created' });
		expect(json).toMatchObject({
			model: null,
			outputs: [],
			timings: {},
			seed: null,
			size: null,
			createdAt: null,
			resultUrl: null,
		});
	});
});
