/**
 * Several builds of the command line side by side on the start-up figures: for each headline
 * command, every round runs `node -e 0` and the command of each build once, in an order that
 * rotates from round to round, so a slow moment on the machine falls on all of them. This is how a
 * start-up device is judged: the same build with and without it, in the same run.
 *
 *     node bench/compare-builds.mjs with=dist/bin.cjs without=/tmp/other/dist/bin.cjs
 *
 * BENCH_RUNS sets the timed rounds (default 15), BENCH_ONLY the commands (comma-separated ids of
 * COMMANDS below). Prints one table, and writes it to bench/compare-builds.json: for each build its
 * median wall time and median CPU time (user + system, reported by bench/cpu-usage.cjs, which every
 * process timed here preloads, `node -e 0` included), each as a ratio to `node -e 0` and to the
 * first build. On a loaded machine wall times swing with the load; CPU times much less.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const CPU_PRELOAD = new URL('./cpu-usage.cjs', import.meta.url).pathname;
const CPU_FILE = path.join(mkdtempSync(path.join(tmpdir(), 'execplan-bench-cpu-')), 'cpu');
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
  // Each build keeps its own cache: builds whose caches differ in format would otherwise make each other's runs cold.
  { id: 'lint-cache', cmd: (bin, label) => ({ argv: [node, bin, 'lint', '--cache', '--cache-location', `.execplan/bench-${label}/lint.json`], cwd: ws.root, okCodes: [0, 1] }) },
  { id: 'progress-done', cmd: (bin) => ({ argv: [node, bin, 'progress', ws.ids[done], 'done', '1'], cwd: ws.root, prepare: () => resetPlan(ws, done) }) },
  { id: 'mcp', mcp: true, cmd: (bin) => ({ argv: [node, bin, 'mcp'], cwd: ws.root }) },
  { id: 'hook-stop', cmd: (bin) => ({ argv: [node, bin, 'hook', 'stop', '--agent', 'claude'], cwd: repo.root, env: repo.env, input: stopPayload(repo) }) },
  { id: 'merge-driver', cmd: (bin) => ({ argv: [node, bin, 'merge-driver', 'base.md', 'ours.md', 'theirs.md', 'plan.md'], cwd: merge.dir, okCodes: [0, 1], prepare: () => writeFileSync(path.join(merge.dir, 'ours.md'), merge.ours) }) },
  { id: 'list-branches', cmd: (bin) => ({ argv: [node, bin, 'list', '--branches', '--json'], cwd: branches, env: GIT_ENV }) },
];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const selected = only.length ? COMMANDS.filter((c) => only.includes(c.id)) : COMMANDS;

/** One run of `cmd`: its wall time (for `mcp`, to the initialize answer) and its CPU time, in ms. */
async function time(c, cmd) {
  cmd.prepare?.();
  rmSync(CPU_FILE, { force: true });
  const argv = [cmd.argv[0], '-r', CPU_PRELOAD, ...cmd.argv.slice(1)];
  const env = { ...cmd.env, BENCH_CPU_FILE: CPU_FILE };
  let ms;
  if (!c.mcp || cmd.noop) ms = runOnce({ label: c.id, ...cmd, argv, env }).ms;
  else {
    const server = startServer(argv, { cwd: cmd.cwd, env });
    try {
      const answer = await server.request('initialize', INITIALIZE_PARAMS);
      expectResult('initialize', answer);
      ms = Number(answer.at - server.startedAt) / 1e6;
    } finally {
      await server.close();
    }
  }
  const cpu = Number(readFileSync(CPU_FILE, 'utf8').trim().split('\n')[0]) / 1000;
  return { ms, cpu };
}

const rows = [];
for (const c of selected) {
  const sides = [{ name: 'node -e 0', cmd: { argv: [node, '-e', '0'], noop: true } }, ...builds.map((b) => ({ name: b.name, cmd: c.cmd(b.bin, b.name.replace(/[^\w.-]/g, '_')) }))];
  const wall = sides.map(() => []);
  const cpu = sides.map(() => []);
  for (let r = 0; r < warmup + runs; r++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (k + r) % sides.length;
      const t = await time(c, sides[i].cmd);
      if (r >= warmup) {
        wall[i].push(t.ms);
        cpu[i].push(t.cpu);
      }
    }
  }
  if (c.id === 'progress-done') resetPlan(ws, done);
  const [wallBase, wallFirst, cpuBase, cpuFirst] = [median(wall[0]), median(wall[1]), median(cpu[0]), median(cpu[1])];
  for (let i = 1; i < sides.length; i++) {
    const [w, u] = [median(wall[i]), median(cpu[i])];
    rows.push({ command: c.id, build: sides[i].name, wall: w, wallRatio: w / wallBase, wallVsFirst: w / wallFirst, cpu: u, cpuRatio: u / cpuBase, cpuVsFirst: u / cpuFirst });
  }
  rows.push({ command: c.id, build: 'node -e 0', wall: wallBase, cpu: cpuBase });
  process.stderr.write(`${c.id}: ${rows.filter((r) => r.command === c.id && r.cpuVsFirst !== undefined).map((r) => `${r.build} cpu ${r.cpuVsFirst.toFixed(2)}× wall ${r.wallVsFirst.toFixed(2)}×`).join(', ')}\n`);
}

const pad = (s, n) => String(s).padEnd(n);
const x = (v, digits = 2) => (v === undefined ? '' : `${v.toFixed(digits)}×`);
process.stdout.write(`medians of ${runs} runs; ratio: to node -e 0 in the same run; vs: to ${builds[0].name}\n`);
process.stdout.write(`${pad('command', 15)}${pad('build', 14)}${pad('wall', 11)}${pad('ratio', 8)}${pad('vs', 8)}${pad('cpu', 11)}${pad('ratio', 8)}vs\n`);
for (const r of rows) {
  process.stdout.write(`${pad(r.command, 15)}${pad(r.build, 14)}${pad(`${r.wall.toFixed(1)} ms`, 11)}${pad(x(r.wallRatio), 8)}${pad(x(r.wallVsFirst), 8)}${pad(`${r.cpu.toFixed(1)} ms`, 11)}${pad(x(r.cpuRatio), 8)}${x(r.cpuVsFirst)}\n`);
}
writeFileSync(path.join(path.dirname(CPU_PRELOAD), 'compare-builds.json'), JSON.stringify({ date: new Date().toISOString(), runs, builds, rows }, null, 2));
