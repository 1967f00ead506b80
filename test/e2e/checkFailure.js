// A workflow whose prompt WaveSpeed fails must end as an error whose message is WaveSpeed's own
// (read from the summary `n8n execute-batch --output` writes).
const { readFileSync } = require('node:fs');

const [summaryFile, workflowId, expected] = process.argv.slice(2);
let execution;
try {
	execution = JSON.parse(readFileSync(summaryFile, 'utf8')).executions.find(
		(e) => e.workflowId === workflowId,
	);
} catch (error) {
	console.log(`FAIL a failing prompt: no execute-batch summary (${error.message})`);
	process.exit(1);
}
const ok = execution?.executionStatus === 'error' && String(execution.error).includes(expected);
console.log(
	`${ok ? 'ok  ' : 'FAIL'} a failing prompt ends the run with WaveSpeed's message "${expected}"`,
);
if (!ok) console.log(JSON.stringify(execution ?? 'no execution for that workflow'));
process.exit(ok ? 0 : 1);
