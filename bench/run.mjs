/**
 * `npm run bench`: run the benchmark scenarios, print one table (figure, baseline measured in the
 * same run, ratio, target) and write the same rows to bench/results.json.
 *
 * Environment: BENCH_RUNS (timed runs per command, default 10; the heavy lint scenarios use a third
 * of it), BENCH_ONLY (comma-separated scenario ids), EXECPLAN_BIN (default dist/bin.cjs),
 * BENCH_KEEP_ENV=1 (keep the variables that add work to Node's start-up; see bench/env.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspace } from './corpus.mjs';
import { cleanEnvironment } from './env.mjs';
import { CommandFailed } from './measure.mjs';
import { formatTable, statusRow, writeResults } from './report.mjs';
import { lint10k, lintCache, lintVsMarkdownlint } from './scenarios/lint.mjs';
import { hookStop } from './scenarios/hook.mjs';
import { mcp } from './scenarios/mcp.mjs';
import { progressConcurrency, progressDone } from './scenarios/progress.mjs';
import { serve } from './scenarios/serve.mjs';
import { baseline, lintOne, list, version } from './scenarios/startup.mjs';
import { listBranches, mergeDriver } from './scenarios/git.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const RESULTS = path.join(BENCH_DIR, 'results.json');

/** Every scenario, in the order they run. */
const SCENARIOS = [baseline, version, list, lintOne, progressDone, hookStop, mcp, lintVsMarkdownlint, lintCache, lint10k, progressConcurrency, serve, listBranches, mergeDriver];

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: ${name}=${JSON.stringify(raw)} must be a positive whole number.\n`);
    process.exit(2);
  }
  return n;
}

function selectScenarios() {
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length) {
    process.stderr.write(`bench: unknown scenario ${unknown.join(', ')} in BENCH_ONLY; known: ${SCENARIOS.map((s) => s.id).join(', ')}.\n`);
    process.exit(2);
  }
  return only.length ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
}

function makeContext(runs) {
  const bin = path.resolve(ROOT, process.env.EXECPLAN_BIN ?? 'dist/bin.cjs');
  const node = process.execPath;
  const available = new Map();
  const workspaces = new Map();
  return {
    node,
    bin,
    runs,
    heavyRuns: Math.max(1, Math.round(runs / 3)),
    warmup: 2,
    /** A scenario's time budget: `seconds` at the default 10 runs, more when more runs are asked for. */
    budget: (seconds) => seconds * 1000 * Math.max(1, runs / 10),
    /** argv of an execplan invocation. */
    execplan: (...args) => [node, bin, ...args],
    /** The `node -e 0` baseline command. */
    nodeNoop: () => ({ label: 'node -e 0', argv: [node, '-e', '0'] }),
    /**
     * Whether the built binary has this command: `lint`, a command with an option (`lint --cache`,
     * looked up in its --help), or a flag of its own (`--version`).
     */
    has(need) {
      const [cmd, option] = need.split(' ');
      if (!available.has(cmd)) {
        let help;
        if (existsSync(bin)) {
          const args = cmd.startsWith('-') ? [cmd] : [cmd, '--help'];
          const r = spawnSync(node, [bin, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
          // An unknown command prints the program's help with status 0: look for the command's own usage line.
          if (r.status === 0 && (cmd.startsWith('-') || r.stdout.includes(`Usage: execplan ${cmd}`))) help = r.stdout;
        }
        available.set(cmd, help);
      }
      const help = available.get(cmd);
      return help !== undefined && (!option || help.includes(option));
    },
    /** A cached workspace of `n` plans. */
    ws(n) {
      if (!workspaces.has(n)) {
        const t0 = performance.now();
        const ws = workspace(n);
        log(`  workspace of ${n} plans (${(ws.bytes / 1e6).toFixed(1)} MB) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${path.relative(ROOT, ws.root)}`);
        workspaces.set(n, ws);
      }
      return workspaces.get(n);
    },
  };
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

async function runScenario(s, ctx) {
  const missing = s.needs.filter((cmd) => !ctx.has(cmd));
  if (missing.length) {
    const what = existsSync(ctx.bin) ? `\`execplan ${missing.join('`, `execplan ')}\` not in ${path.relative(ROOT, ctx.bin)} yet` : `${path.relative(ROOT, ctx.bin)} not built (run npm run build)`;
    log(`- ${s.id}: not available yet (${what})`);
    return [statusRow(s.id, 'n/a', 'not available yet', { name: s.title, notes: [what] })];
  }
  log(`▶ ${s.id}: ${s.title}`);
  const t0 = performance.now();
  try {
    const rows = await s.run(ctx);
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return rows;
  } catch (err) {
    log(`  FAILED: ${err.message}`);
    if (err.stderr) log(err.stderr.replace(/^/gm, '    | '));
    if (!(err instanceof CommandFailed) && !err.stderr) log(String(err.stack).replace(/^/gm, '    '));
    return [statusRow(s.id, 'failed', 'failed (see notes)', { name: s.title, notes: [err.message, ...(err.stderr ? [`stderr:\n${err.stderr}`] : [])] })];
  }
}

const runs = positiveInt('BENCH_RUNS', 10);
// Before anything is spawned: every command, and its baseline, starts without them.
const removed = cleanEnvironment();
const scenarios = selectScenarios();
const ctx = makeContext(runs);
const started = new Date();
const t0 = performance.now();
const cpus = os.cpus();
log(`execplan bench: ${scenarios.length} scenario(s), ${runs} runs (${ctx.heavyRuns} for heavy lint), node ${process.version}, ${cpus.length}× ${cpus[0]?.model ?? 'cpu'}`);
if (removed.length) log(`  commands run without ${removed.join(' and ')}, which add work to every Node start-up (BENCH_KEEP_ENV=1 keeps them)`);
const rows = [];
for (const s of scenarios) rows.push(...(await runScenario(s, ctx)));
const seconds = (performance.now() - t0) / 1000;

process.stdout.write(`\n${formatTable(rows)}\n`);
if (removed.length) process.stdout.write(`\nEvery command, baselines included, ran without ${removed.join(' and ')} (bench/env.mjs).\n`);
writeResults(RESULTS, {
  date: started.toISOString(),
  seconds: Math.round(seconds * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpus: `${cpus.length}× ${cpus[0]?.model ?? 'unknown'}`,
  runs,
  heavyRuns: ctx.heavyRuns,
  bin: path.relative(ROOT, ctx.bin),
  removedFromEnvironment: removed,
  scenarios: scenarios.map((s) => s.id),
}, rows);
log(`wrote ${path.relative(process.cwd(), RESULTS)} (${seconds.toFixed(0)} s in all)`);
if (rows.some((r) => r.status === 'failed')) process.exitCode = 1;
