import { parseCallbackTask } from '../../../../../nodes/WaveSpeed/trigger/webhook';

const parse = (body: unknown) =>
	parseCallbackTask(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));

describe('parseCallbackTask: what a callback body must be to start anything', () => {
	test.each([
		{
			name: 'a completed task',
			body: { id: 't1', status: 'completed', outputs: ['https://x/1.png'] },
		},
		{ name: 'a failed task without outputs', body: { id: 't1', status: 'failed', error: 'NSFW' } },
		{ name: 'a task still processing', body: { id: 't1', status: 'processing' } },
		{ name: 'a timed-out task', body: { id: 't1', status: 'timeout' } },
		// Acknowledged and ignored by the trigger, as WaveSpeed may add statuses.
		{ name: 'a status the node does not know', body: { id: 't1', status: 'exploded' } },
	])('accepted: $name', ({ body }) => {
		expect(parse(body)).toEqual(body);
	});

	test.each([
		{ name: 'not JSON', body: 'status=completed' },
		{ name: 'a JSON array', body: [{ id: 't1', status: 'completed' }] },
		{ name: 'JSON null', body: 'null' },
		{ name: 'no id', body: { status: 'completed' } },
		{ name: 'an empty id', body: { id: '', status: 'completed' } },
		{ name: 'a numeric id', body: { id: 7, status: 'completed' } },
		{ name: 'no status', body: { id: 't1' } },
		{ name: 'outputs that are not a list', body: { id: 't1', status: 'completed', outputs: 'x' } },
		{
			name: 'the {code, message, data} envelope instead of the bare task',
			body: { code: 200, message: 'success', data: { id: 't1', status: 'completed' } },
		},
	])('refused: $name', ({ body }) => {
		expect(parse(body)).toBeUndefined();
	});
});
