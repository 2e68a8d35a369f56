/**
 * `npm start`: builds the command line quietly, then shows execplan on the example workspace:
 * its plans (`list`), what `lint` finds in them, and one line saying what to try next.
 * `npm start -- --no-build` uses the dist/ already built.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join('dist', 'bin.cjs');
const workspace = path.join('examples', 'workspace');

/** Runs node with `args` from the repository root; its exit code. */
function node(args, stdio = 'inherit') {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

if (!process.argv.includes('--no-build')) {
  // The command line alone, without the library's type declarations; errors still reach stderr.
  const built = node([path.join('node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent', '--env.EXECPLAN_BUILD', 'cli'], ['ignore', 'ignore', 'inherit']);
  if (built !== 0) process.exit(built);
}

for (const command of ['list', 'lint']) {
  const status = node([bin, '--cwd', workspace, command]);
  if (status !== 0) process.exit(status);
}

process.stdout.write(`\nTry next: node ${bin} --cwd ${workspace} resume store-readings (the brief a fresh agent starts from); README.md says how to install execplan for your own repositories.\n`);
