// Plain JavaScript on purpose: it must run, and explain itself, on whatever Node npm found.
// npm scripts put node_modules/.bin first on PATH, so `node` here is the pinned devDependency,
// unless its install script was skipped (allowScripts), in which case the system Node answers.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const wanted = Number.parseInt(String(pkg.devDependencies?.node ?? '').split('.')[0], 10);
const running = Number.parseInt(process.versions.node.split('.')[0], 10);

if (running !== wanted) {
  console.error(
    [
      `akim-nominations needs Node ${wanted} (the pinned devDependency "node"), but this is Node ${process.versions.node} at ${process.execPath}.`,
      'The pinned binary is missing from node_modules/.bin: its install script did not run.',
      'Fix: run the command through npm (npm test, npm start), and check that package.json "allowScripts" approves "node", then: npm ci',
    ].join('\n'),
  );
  process.exit(1);
}
