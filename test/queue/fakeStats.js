// The fake WaveSpeed's counts, from the address its `stats` field names.
//   node fakeStats.js get <stats url>                        prints them as JSON
//   node fakeStats.js wait <stats url> <field> <at least>    returns once the count gets there
const [command, url, field, atLeast] = process.argv.slice(2);

async function stats() {
	return (await fetch(url)).json();
}

async function main() {
	if (command === 'get') return console.log(JSON.stringify(await stats()));
	const deadline = Date.now() + 300_000;
	while ((await stats())[field] < Number(atLeast)) {
		if (Date.now() > deadline) throw new Error(`fake WaveSpeed: ${field} did not reach ${atLeast}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
