// A workflow whose prompt WaveSpeed fails must end in n8n's error output with WaveSpeed's message.
const { readFileSync } = require('node:fs');

const [outFile, expected] = process.argv.slice(2);
const text = readFileSync(outFile, 'utf8');
const ok = /Execution was NOT successful|"status":\s*"error"/.test(text) && text.includes(expected);
console.log(`${ok ? 'ok  ' : 'FAIL'} a failing prompt ends the run with WaveSpeed's message "${expected}"`);
if (!ok) console.error(text.slice(-3000));
process.exit(ok ? 0 : 1);
