// The fake WaveSpeed's closing counts: one paid task per workflow run (nothing submitted twice),
// and the key reached the API host and never the output host or the storage host uploads go to.
const counts = JSON.parse(process.argv[2]);
const expectedTasks = Number(process.argv[3]);
const ok =
	counts.accepted === expectedTasks &&
	counts.outputRequestsWithAuthorization === 0 &&
	counts.storageRequestsWithAuthorization === 0 &&
	counts.uploads.length > 0 &&
	counts.apiRequestsWithKey > 0;
console.log(
	`${ok ? 'ok  ' : 'FAIL'} fake WaveSpeed: ${counts.accepted} tasks accepted (${expectedTasks} expected), ` +
		`${counts.apiRequestsWithKey} API requests with the key, ${counts.outputRequestsWithAuthorization} output requests and ` +
		`${counts.storageRequestsWithAuthorization} upload PUTs (of ${counts.uploads.length} uploads) with an Authorization header`,
);
process.exit(ok ? 0 : 1);
