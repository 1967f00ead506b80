// The agent example as the e2e imports it: a fixed id, and its Chat Trigger made reachable
// headless (public, "Embedded Chat" mode, answering with the last node's output, the agent's).
const fs = require('node:fs');

const [example, out, id] = process.argv.slice(2);
const workflow = JSON.parse(fs.readFileSync(example, 'utf8'));
workflow.id = id;
const trigger = workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger');
trigger.parameters = {
	...trigger.parameters,
	public: true,
	mode: 'webhook',
	options: { responseMode: 'lastNode' },
};
fs.writeFileSync(out, JSON.stringify(workflow));
console.log(trigger.webhookId);
