// Lints source texts as if they stood at the given paths, with the project's ESLint config. Runs as a child process:
// ESLint loads its flat config with a dynamic import, which jest's module system does not offer.
import { ESLint } from 'eslint';

const probes = JSON.parse(
  await new Promise((done) => {
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => done(input));
  }),
);
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((message) => message.ruleId ?? message.message));
}
process.stdout.write(JSON.stringify(results));
