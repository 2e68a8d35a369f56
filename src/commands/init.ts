/** `execplan init`: the plan folders and the PLANS.md guide, or a configuration pointing at an existing layout. */
import path from 'node:path';
import type { OptionsOf } from '../command-table.js';
import { refusedEnvelope } from '../usecases/envelope.js';
import { initWorkspace } from '../usecases/init.js';
import { renderSteps, writeJson, type Io } from './io.js';

/** init --git installs the merge driver itself. */
export const ownsMergeDriver = true;

/** Run `execplan init`. */
export async function run(io: Io, opts: OptionsOf<'init'>): Promise<number> {
  const r = await initWorkspace(path.resolve(io.cwd), { ...opts, env: io.env });
  const { steps, blocked } = r;
  if (opts.json) {
    if (r.notInstalled) io.stderr(NOT_INSTALLED);
    const data = { root: r.root, changed: r.changed, detected: r.detected, steps };
    writeJson(io, blocked.length ? refusedEnvelope(`Left ${blocked.map((s) => s.path).join(', ')} as ${blocked.length === 1 ? 'it is' : 'they are'}.`, blocked.map((s) => `${s.path}: ${s.note}`), data) : data);
    return blocked.length ? 1 : 0;
  }
  io.stdout(renderSteps(steps));
  if (blocked.length) {
    for (const s of blocked) io.stderr(`execplan: left ${s.path} as it is: ${s.note}.\n`);
    return 1;
  }
  io.stdout(r.changed ? `\nReady. Create a plan with: execplan new "Short description"\n` : `\nNothing to do: the workspace is already set up.\n`);
  if (r.notInstalled) io.stderr(NOT_INSTALLED);
  // `--no-agents` declines the offer: the tip is for someone who has not said either way.
  if (opts.agents === undefined && !r.hasAgentsFile) {
    io.stderr('Tip: `execplan init --agents` adds instructions for coding agents (AGENTS.md block and skill files).\n');
  }
  return 0;
}

/** Said by `init --agents` and `--hooks` when `execplan` is neither on PATH nor in the repository's node_modules/.bin. */
export const NOT_INSTALLED =
  'execplan: note: the files written for agents run `execplan`, which is neither on PATH nor in node_modules/.bin of this repository, so agents would not find it. ' +
  'Install it from a checkout of execplan with `npm install -g <checkout>` (or `npm install --save-dev <checkout>` in a JavaScript project); the README\'s Install section has the details.\n';
