// What each chat message's tool call cost, from n8n's own execution data (its SQLite database,
// read after n8n stopped): how long the tool node ran, the time from the model's tool call to
// its next turn, and the bytes the node downloaded (the binary files on its output items, which
// n8n also keeps under storage/). Prints one JSON line: { executions: [...], storedBytes }, the
// latter all the files under the database's storage/ folder (n8n's filesystem binary store).
// Runs on n8n's Node with NODE_PATH at n8n's node_modules (sqlite3 and flatted come from there).
// Usage: measure.js <database.sqlite> <tool node name>
const fs = require('node:fs');
const path = require('node:path');
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');

const [database, toolNode] = process.argv.slice(2);
const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);

function measure(id, data) {
	const runData = parse(data).resultData.runData;
	const toolRuns = runData[toolNode] ?? [];
	const models = Object.values(runData)
		.flat()
		.filter((run) => run.data?.ai_languageModel)
		.sort((a, b) => a.startTime - b.startTime);
	const items = toolRuns.flatMap((run) => run.data?.ai_tool?.[0] ?? []);
	const files = items.flatMap((item) => Object.values(item.binary ?? {}));
	return {
		execution: id,
		toolRuns: toolRuns.length,
		toolMs: toolRuns.reduce((sum, run) => sum + run.executionTime, 0),
		// The first model turn asks for the tool; the next one starts once its answer is in.
		modelToModelMs: models.length >= 2 ? models[1].startTime - models[0].startTime : null,
		downloadedFiles: files.length,
		downloadedBytes: files.reduce((sum, file) => sum + (file.bytes ?? 0), 0),
		toolItems: items.map((item) => item.json),
	};
}

/** The bytes of every file under `dir` (0 when it does not exist). */
const bytesUnder = (dir) =>
	fs.existsSync(dir)
		? fs
				.readdirSync(dir, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile())
				.reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0)
		: 0;
const storedBytes = bytesUnder(path.join(path.dirname(database), 'storage'));

db.all(
	'SELECT e.id, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id ORDER BY e.id',
	(error, rows) => {
		if (error) {
			console.log(JSON.stringify({ executions: [], storedBytes, error: error.message }));
			process.exitCode = 1;
		} else {
			const executions = rows.map((r) => measure(r.id, r.data));
			console.log(JSON.stringify({ executions, storedBytes }));
		}
		db.close();
	},
);
