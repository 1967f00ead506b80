// n8n 1.122 activates a workflow's saved version (workflow_history), which its editor writes on
// every save but `import:workflow` does not, so `update:workflow --active=true` fails on an imported
// workflow. This writes the row the editor would have: the workflow's current nodes and connections.
// Run with n8n's Node: argv = n8n's install folder, the user folder, the workflow id.
const { join } = require('node:path');

const [n8nDir, userFolder, workflowId] = process.argv.slice(2);
const sqlite3 = require(join(n8nDir, 'node_modules', 'sqlite3'));
const db = new sqlite3.Database(join(userFolder, '.n8n', 'database.sqlite'));
db.run(
	`INSERT OR IGNORE INTO workflow_history (versionId, workflowId, authors, nodes, connections)
	 SELECT versionId, id, 'e2e', nodes, connections FROM workflow_entity WHERE id = ?`,
	[workflowId],
	function (error) {
		db.close();
		if (error || this.changes !== 1) {
			console.error(
				`[e2e] no saved version for workflow ${workflowId}: ${error?.message ?? 'not found'}`,
			);
			process.exit(1);
		}
	},
);
