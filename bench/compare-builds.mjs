/**
 * Several builds of the command line side by side on the start-up figures: for each headline
 * command, every round runs `node -e 0` and the command of each build once, in an order that
 * rotates from round to round, so a slow moment on the machine falls on all of them. This is how a
 * start-up device is judged: the same build with and without it, in the same run.
 *
 *     node bench/compare-builds.mjs with=dist/bin.cjs without=/tmp/other/dist/bin.cjs
 *
 * BENCH_RUNS sets the timed rounds (default 15), BENCH_ONLY the commands (comma-separated ids of
 * the table below). Prints one table: each build's median and its ratio to `node -e 0`, and each
 * build's median as a share of the first build's.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { workspace, resetPlan } from './corpus.mjs';
import { cleanEnvironment } from './env.mjs';
import { INITIALIZE_PARAMS, expectResult, startServer } from './mcp-client.mjs';
import { median, runOnce } from './measure.mjs';
import { branchesRepo, mergeFiles } from './scenarios/git.mjs';
import { gitWorkspace, stopPayload } from './scenarios/hook.mjs';
import { pickPlans } from './scenarios/progress.mjs';

const node = process.execPath;
const builds = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  return at > 0 ? { name: arg.slice(0, at), bin: path.resolve(arg.slice(at + 1)) } : { name: arg, bin: path.resolve(arg) };
});
if (builds.length < 1) {
  process.stderr.write('usage: node bench/compare-builds.mjs name=path/to/bin.cjs [name=path/to/other/bin.cjs ...]\n');
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 15);
const warmup = 2;
cleanEnvironment();

const ws = workspace(500);
const done = pickPlans(ws).done;
const repo = gitWorkspace(ws);
const merge = mergeFiles();
const branches = branchesRepo();
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1' };

/** Each headline command: how to run it with a build's bin file. `mcp` is timed to the initialize answer. */
const COMMANDS = [
  { id: 'version', cmd: (bin) => ({ argv: [node, bin, '--version'] }) },
  { id: 'lint-one', cmd: (bin) => ({ argv: [node, bin, 'lint', path.relative(ws.root, path.join(ws.plansDir, `${ws.ids[0]}.md`))], cwd: ws.root, okCodes: [0, 1] }) },
  { id: 'progress-done', cmd: (bin) => ({ argv: [node, bin, 'progress', ws.ids[done], 'done', '1'], cwd: ws.root, prepare: () => resetPlan(ws, done) }) },
  { id: 'mcp', mcp: true, cmd: (bin) => ({ argv: [node, bin, 'mcp'], cwd: ws.root }) },
  { id: 'hook-stop', cmd: (bin) => ({ argv: [node, bin, 'hook', 'stop', '--agent', 'claude'], cwd: repo.root, env: repo.env, input: stopPayload(repo) }) },
  { id: 'merge-driver', cmd: (bin) => ({ argv: [node, bin, 'merge-driver', 'base.md', 'ours.md', 'theirs.md', 'plan.md'], cwd: merge.dir, okCodes: [0, 1], prepare: () => writeFileSync(path.join(merge.dir, 'ours.md'), merge.ours) }) },
  { id: 'list-branches', cmd: (bin) => ({ argv: [node, bin, 'list', '--branches', '--json'], cwd: branches, env: GIT_ENV }) },
];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const selected = only.length ? COMMANDS.filter((c) => only.includes(c.id)) : COMMANDS;

async function time(c, cmd) {
  cmd.prepare?.();
  if (!c.mcp || cmd.noop) return runOnce({ label: c.id, ...cmd }).ms;
  const server = startServer(cmd.argv, { cwd: cmd.cwd });
  try {
    const answer = await server.request('initialize', INITIALIZE_PARAMS);
    expectResult('initialize', answer);
    return Number(answer.at - server.startedAt) / 1e6;
  } finally {
    await server.close();
  }
}

const rows = [];
for (const c of selected) {
  const sides = [{ name: 'node -e 0', cmd: { argv: [node, '-e', '0'], noop: true } }, ...builds.map((b) => ({ name: b.name, cmd: c.cmd(b.bin) }))];
  const samples = sides.map(() => []);
  for (let r = 0; r < warmup + runs; r++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (k + r) % sides.length;
      const ms = await time(c, sides[i].cmd);
      if (r >= warmup) samples[i].push(ms);
    }
  }
  if (c.id === 'progress-done') resetPlan(ws, done);
  const base = median(samples[0]);
  const first = median(samples[1]);
  for (let i = 1; i < sides.length; i++) {
    const m = median(samples[i]);
    rows.push({ command: c.id, build: sides[i].name, ms: m, ratio: m / base, vsFirst: m / first, noop: base });
  }
  process.stderr.write(`${c.id} done\n`);
}

const pad = (s, n) => String(s).padEnd(n);
process.stdout.write(`${pad('command', 15)}${pad('build', 14)}${pad('median', 10)}${pad('node -e 0', 11)}${pad('ratio', 8)}vs ${builds[0].name}\n`);
for (const r of rows) process.stdout.write(`${pad(r.command, 15)}${pad(r.build, 14)}${pad(`${r.ms.toFixed(1)} ms`, 10)}${pad(`${r.noop.toFixed(1)} ms`, 11)}${pad(`${r.ratio.toFixed(2)}×`, 8)}${r.vsFirst.toFixed(2)}\n`);
