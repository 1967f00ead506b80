// The queue run's checks and figures, read from the helpers' summaries, the fake's counts, n8n's
// execution records in PostgreSQL (psql, with PG* from run.sh) and the workers' logs.
// Each check prints one "ok"/"FAIL" line and exits 1 on FAIL; `figure` commands print a number.
const { spawnSync } = require('child_process');
const fs = require('fs');

function sql(query) {
	const result = spawnSync('psql', ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', query], {
		encoding: 'utf8',
		maxBuffer: 1 << 30,
	});
	if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
	return result.stdout.split('\n').filter(Boolean);
}

function report(ok, text) {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
	process.exitCode = ok ? 0 : 1;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Execution id → the worker whose log says it started it. Logs are named <worker>.log. */
function workerOfExecution(logs) {
	const byId = new Map();
	for (const log of logs) {
		const name = log.replace(/^.*\//, '').replace(/\.log$/, '');
		for (const match of fs.readFileSync(log, 'utf8').matchAll(/Worker started execution (\d+) /g)) {
			byId.set(match[1], name);
		}
	}
	return byId;
}

function executions(workflowId, sinceId) {
	return sql(
		`select id, status from execution_entity where "workflowId" = '${workflowId}' and id > ${Number(sinceId)} order by id`,
	).map((row) => {
		const [id, status] = row.split('|');
		return { id, status };
	});
}

/** n8n's stored run data of some executions (flatted JSON, parsed with n8n's own copy), by id. */
function runData(rows) {
	const { parse } = require(process.env.FLATTED);
	const byId = new Map();
	if (rows.length === 0) return byId;
	const ids = rows.map((r) => Number(r.id)).join(',');
	for (const line of sql(
		`select "executionId" || '|' || data from execution_data where "executionId" in (${ids})`,
	)) {
		const split = line.indexOf('|');
		byId.set(line.slice(0, split), parse(line.slice(split + 1)));
	}
	return byId;
}

/** The one item each WaveSpeed Trigger execution started with: the task, its image as binary. */
function triggerItems(rows) {
	const data = runData(rows);
	return rows.map((r) => data.get(r.id).resultData.runData['WaveSpeed Trigger'][0].data.main[0][0]);
}

/** Width and height of stored PNGs, by n8n's binary file id. */
function storedPngSizes(fileIds) {
	const sizes = new Map();
	if (fileIds.length === 0) return sizes;
	const list = fileIds.map((id) => `'${id.replace(/'/g, '')}'`).join(',');
	const query = `select "fileId" || '|' || encode(substring(data from 17 for 8), 'hex') from binary_data where "fileId" in (${list})`;
	for (const line of sql(query)) {
		const [fileId, hex] = line.split('|');
		sizes.set(fileId, `${parseInt(hex.slice(0, 8), 16)}x${parseInt(hex.slice(8), 16)}`);
	}
	return sizes;
}

function countBy(values) {
	const counts = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

const shown = (counts) =>
	Object.entries(counts)
		.map(([key, n]) => `${n} ${key}`)
		.join(', ') || 'none';

function byWorker(rows, logs) {
	const workerOf = workerOfExecution(logs);
	const counts = Object.fromEntries(
		logs.map((log) => [log.replace(/^.*\//, '').replace(/\.log$/, ''), 0]),
	);
	for (const row of rows) {
		const worker = workerOf.get(row.id) ?? 'in no worker log';
		counts[worker] = (counts[worker] ?? 0) + 1;
	}
	return counts;
}

const commands = {
	'last-execution-id'() {
		console.log(sql('select coalesce(max(id), 0) from execution_entity')[0]);
	},

	uploads(summaryFile, expected) {
		const s = readJson(summaryFile);
		report(
			s.edited === Number(expected),
			`${s.edited} of ${s.posted} uploads answered with the edited PNG of their size (${shown(s.statuses)}); ` +
				`makespan ${s.makespanS} s, answer time p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`,
		);
	},

	fake(beforeJson, afterJson, expected) {
		const [before, after] = [JSON.parse(beforeJson), JSON.parse(afterJson)];
		const accepted = after.accepted - before.accepted;
		const twice = after.repeatedPrompts - before.repeatedPrompts;
		const callbacks =
			after.callbackAttempts > before.callbackAttempts
				? `; callbacks answered 2xx for ${after.callbackTasksAnswered - before.callbackTasksAnswered} tasks ` +
					`in ${after.callbackAttempts - before.callbackAttempts} attempts, ` +
					`${after.callbackTasksNeverAnswered - before.callbackTasksNeverAnswered} given up after 4`
				: '';
		report(
			accepted === Number(expected) && twice === 0 && after.outputRequestsWithAuthorization === 0,
			`fake WaveSpeed: ${accepted} tasks accepted (${expected} expected), ${twice} submitted twice, ` +
				`${after.outputRequestsWithAuthorization} output requests with the key, at most ${after.maxRunning} running at once` +
				callbacks,
		);
	},

	executions(workflowId, expected, sinceId, ...logs) {
		const rows = executions(workflowId, sinceId);
		const statuses = countBy(rows.map((r) => r.status));
		const workers = byWorker(rows, logs);
		const everyWorker = logs.every(
			(log) => workers[log.replace(/^.*\//, '').replace(/\.log$/, '')] > 0,
		);
		report(
			statuses.success === Number(expected) && rows.length === Number(expected) && everyWorker,
			`n8n's records: ${rows.length} executions (${shown(statuses)}); run by ${shown(workers)}`,
		);
	},

	// Returns once `expected` executions of the workflow are finished, or none finished for 60 s.
	async 'wait-executions'(workflowId, expected, sinceId) {
		let finished = 0;
		let lastChange = Date.now();
		while (finished < Number(expected) && Date.now() - lastChange < 60_000) {
			const [now] = sql(
				`select count(*) from execution_entity where "workflowId" = '${workflowId}' and id > ${Number(sinceId)} ` +
					`and status not in ('new', 'running', 'waiting')`,
			);
			if (Number(now) !== finished) lastChange = Date.now();
			finished = Number(now);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	},

	// Each successful trigger execution holds one task id and the edited PNG in n8n's database.
	callbacks(workflowId, submittedFile, width, height, sinceId, ...logs) {
		const submitted = new Set(readJson(submittedFile).ids);
		const rows = executions(workflowId, sinceId);
		const success = rows.filter((r) => r.status === 'success');
		const items = triggerItems(success);
		const taskIds = new Set(items.map((item) => item.json.id));
		const fileIds = items.map((item) =>
			String(item.binary?.data?.id ?? '')
				.split(/[:/]/)
				.pop(),
		);
		const sizes = storedPngSizes(fileIds.filter(Boolean));
		const images = fileIds.filter((id) => sizes.get(id) === `${width}x${height}`).length;
		const missing = [...submitted].filter((id) => !taskIds.has(id)).length;
		const workers = byWorker(success, logs);
		const everyWorker = Object.values(workers).every((n) => n > 0);
		report(
			taskIds.size === submitted.size &&
				missing === 0 &&
				images === success.length &&
				success.length === submitted.size &&
				everyWorker,
			`${success.length} successful trigger executions of ${rows.length} (${shown(countBy(rows.map((r) => r.status)))}) ` +
				`for ${taskIds.size} distinct tasks, ${missing} submitted tasks without one; ${images} with the ` +
				`${width}x${height} PNG in n8n's database; run by ${shown(workers)}`,
		);
	},

	'no-repeats'(beforeJson, afterJson) {
		const [before, after] = [JSON.parse(beforeJson), JSON.parse(afterJson)];
		const twice = after.repeatedPrompts - before.repeatedPrompts;
		report(twice === 0, `after the kill no task was submitted twice (${twice})`);
	},

	'all-answered'(summaryFile, expected) {
		const s = readJson(summaryFile);
		report(
			s.posted === Number(expected) && s.edited > 0,
			`every upload got an answer after the kill; the surviving worker edited ${s.edited}`,
		);
	},

	// The worker running the workflow's newest unfinished execution.
	'worker-of-running'(workflowId, sinceId, ...logs) {
		const running = executions(workflowId, sinceId).filter((r) => r.status === 'running');
		const worker = running.length ? workerOfExecution(logs).get(running.at(-1).id) : undefined;
		if (!worker) throw new Error(`no running execution of ${workflowId} in the workers' logs`);
		console.log(worker);
	},

	// Tasks accepted in a phase against the tasks delivered to successful trigger executions.
	'figure-callbacks'(workflowId, beforeJson, afterJson, sinceId, ...logs) {
		const accepted = JSON.parse(afterJson).accepted - JSON.parse(beforeJson).accepted;
		const rows = executions(workflowId, sinceId);
		const success = rows.filter((r) => r.status === 'success');
		const tasks = new Set(triggerItems(success).map((item) => item.json.id));
		console.log(
			`${accepted} tasks accepted; ${tasks.size} delivered to successful trigger executions ` +
				`(${rows.length} executions: ${shown(countBy(rows.map((r) => r.status)))}; run by ${shown(byWorker(success, logs))}); ` +
				`${accepted - tasks.size} to recover with Get Result`,
		);
	},

	// Executions of a phase in which a worker was killed: what n8n made of them (no pass/fail).
	'figure-statuses'(workflowId, sinceId, ...logs) {
		const rows = executions(workflowId, sinceId);
		const failed = rows.filter((r) => r.status !== 'success');
		const data = runData(failed);
		const errors = failed.map(
			(r) => data.get(r.id)?.resultData?.error?.message ?? 'no error stored',
		);
		console.log(
			`${rows.length} executions: ${shown(countBy(rows.map((r) => r.status)))}; started by ${shown(byWorker(rows, logs))}`,
		);
		for (const [message, n] of Object.entries(countBy(errors)))
			console.log(`  ${n} x "${message}"`);
	},
};

Promise.resolve(commands[process.argv[2]](...process.argv.slice(3))).catch((error) => {
	console.error(error);
	process.exit(1);
});
