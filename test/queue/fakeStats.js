// The fake WaveSpeed's counts, from the address its `stats` field names; its lists of tasks and
// callback deliveries are summed up or left out (a phase's lists would not fit on a command line).
//   node fakeStats.js get <stats url>                        prints them as JSON
//   node fakeStats.js wait <stats url> <field> <at least>    returns once the count gets there
const [command, url, field, atLeast] = process.argv.slice(2);

async function stats() {
	const { callbacks = [], tasks, ...counts } = await (await fetch(url)).json();
	const answered = (d) => d.status !== undefined && d.status < 300;
	return {
		...counts,
		callbackAttempts: callbacks.length,
		callbackTasksAnswered: new Set(callbacks.filter(answered).map((d) => d.taskId)).size,
		callbackTasksNeverAnswered: new Set(
			callbacks.filter((d) => d.attempt === 4 && !answered(d)).map((d) => d.taskId),
		).size,
	};
}

async function main() {
	if (command === 'get') return console.log(JSON.stringify(await stats()));
	const deadline = Date.now() + 300_000;
	while ((await stats())[field] < Number(atLeast)) {
		if (Date.now() > deadline) throw new Error(`fake WaveSpeed: ${field} did not reach ${atLeast}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
