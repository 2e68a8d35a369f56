/**
 * Repeated, interleaved timing of child processes, in the manner of hyperfine: warm-up runs first,
 * then N rounds in which every command of a comparison runs once, the order alternating between
 * rounds so that drift on the machine (heat, other load) falls on both sides alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
// Under GNU time, killing the direct child (time) would orphan the command: coreutils timeout, run
// inside time, signals the command's whole process group instead.
const TIMEOUT = '/usr/bin/timeout';
const TIMED_OUT = 124;
const RSS_WRAPPER = new URL('./rss-wrap.mjs', import.meta.url).pathname;
const MAX_BUFFER = 1024 * 1024 * 1024;
/** No single run may take longer than this: a hung command fails its scenario, not the whole bench. */
const DEFAULT_TIMEOUT_MS = 180_000;

/** A command failed: its exit status was not an expected one. Carries what it printed on stderr. */
export class CommandFailed extends Error {
  constructor(label, argv, result) {
    const status = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    const timedOut = result.timedOutAfter !== undefined;
    super(timedOut ? `${label} did not finish within ${result.timedOutAfter / 1000} s and was stopped: ${argv.join(' ')}` : `${label} failed (${status}): ${argv.join(' ')}`);
    this.timedOut = timedOut;
    this.stderr = tail(String(result.stderr ?? ''), 40);
  }
}

/** The last `n` lines of `text`, so one failing command cannot flood the report. */
export function tail(text, n) {
  const lines = text.trimEnd().split('\n');
  return lines.length > n ? [`… (${lines.length - n} lines cut)`, ...lines.slice(-n)].join('\n') : lines.join('\n');
}

/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Summary statistics of samples in milliseconds. */
export function summarize(samples) {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    runs: samples.length,
    samples,
  };
}

/**
 * Run one command once, synchronously, and return its wall time in ms (and peak RSS in KB when
 * asked). Output goes to /dev/null unless `capture` is set, as hyperfine does; stderr is kept for
 * the report when the command fails.
 */
export function runOnce(cmd) {
  const ok = cmd.okCodes ?? [0];
  const timeoutMs = cmd.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let argv = cmd.argv;
  let groupTimeout = false;
  let rssFile;
  let rssDir;
  if (cmd.rss) {
    rssDir = mkdtempSync(path.join(tmpdir(), 'execplan-bench-rss-'));
    rssFile = path.join(rssDir, 'rss');
    if (existsSync(GNU_TIME)) {
      groupTimeout = existsSync(TIMEOUT);
      if (groupTimeout) argv = [TIMEOUT, '-k', '5', `${timeoutMs / 1000}`, ...argv];
      argv = [GNU_TIME, '-o', rssFile, '-f', '%M', ...argv];
    } else {
      argv = wrapForRss(argv, rssFile);
    }
  }
  const t0 = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: cmd.cwd,
    env: { ...process.env, ...cmd.env },
    // `input` is written to the command's stdin (a hook's payload); without it stdin is /dev/null.
    stdio: [cmd.input !== undefined ? 'pipe' : 'ignore', cmd.capture ? 'pipe' : 'ignore', 'pipe'],
    ...(cmd.input !== undefined ? { input: cmd.input } : {}),
    maxBuffer: MAX_BUFFER,
    encoding: 'utf8',
    // Without coreutils timeout this is the only limit; with it, a backstop.
    timeout: groupTimeout ? timeoutMs + 15_000 : timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stoppedByTimeout = groupTimeout && (result.status === TIMED_OUT || result.status === 128 + 9) && ms >= timeoutMs;
  if (stoppedByTimeout || result.error?.code === 'ETIMEDOUT') {
    result.timedOutAfter = timeoutMs;
  }
  try {
    if (result.error || result.signal || !ok.includes(result.status)) throw new CommandFailed(cmd.label, cmd.argv, result);
    const out = { ms, status: result.status, stdout: result.stdout ?? '' };
    if (rssFile) {
      const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
      out.rssKB = Number(lines[lines.length - 1]);
    }
    return out;
  } finally {
    if (rssDir) rmSync(rssDir, { recursive: true, force: true });
  }
}

/** Without GNU time, run a node script inside a wrapper that reports its own peak RSS. */
function wrapForRss(argv, rssFile) {
  if (path.basename(argv[0]) !== path.basename(process.execPath)) {
    throw new Error(`cannot measure memory of ${argv[0]} without ${GNU_TIME}`);
  }
  return [argv[0], RSS_WRAPPER, rssFile, ...argv.slice(1)];
}

/**
 * Measure several commands side by side. Each command: `{ label, argv, cwd?, env?, input?, okCodes?, rss?,
 * prepare?(), warmup? }`; `prepare` runs before every run of that command and is not timed, and
 * `warmup` overrides the shared warm-up count for that command (a slow peer may need none). With
 * `fixedOrder`, every round keeps the given order (for "first run, then second run" pairs); rounds
 * stop early when the next one would end past `budgetMs` after the start (warm-up included).
 * Returns one summary per command, in order, each with the last run's result in `last`.
 */
export function compare(cmds, { runs, warmup = 1, fixedOrder = false, budgetMs = Infinity }) {
  const started = performance.now();
  let budgetHit = false;
  const samples = cmds.map(() => []);
  const rss = cmds.map(() => []);
  const last = cmds.map(() => undefined);
  const once = (i, record) => {
    const cmd = cmds[i];
    cmd.prepare?.();
    const r = runOnce(cmd);
    last[i] = r;
    if (record) {
      samples[i].push(r.ms);
      if (r.rssKB !== undefined) rss[i].push(r.rssKB);
    }
  };
  const warmups = cmds.map((cmd) => cmd.warmup ?? warmup);
  for (let w = 0; w < Math.max(...warmups); w++) {
    cmds.forEach((_, i) => {
      if (w < warmups[i]) once(i, false);
    });
  }
  for (let r = 0; r < runs; r++) {
    const roundStart = performance.now();
    const order = cmds.map((_, i) => i);
    if (r % 2 && !fixedOrder) order.reverse();
    for (const i of order) once(i, true);
    // Stop early rather than overrun the scenario's time budget; one timed round always runs.
    const now = performance.now();
    if (r + 1 < runs && now - started + (now - roundStart) > budgetMs) {
      budgetHit = true;
      break;
    }
  }
  return cmds.map((cmd, i) => ({
    label: cmd.label,
    ...summarize(samples[i]),
    ...(rss[i].length ? { maxRssKB: Math.max(...rss[i]) } : {}),
    budgetHit,
    runsWanted: runs,
    last: last[i],
  }));
}

/** Spawn a command asynchronously and resolve with its exit status and stderr. */
export function spawnAsync(argv, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', (error) => resolve({ status: null, signal: null, error, stderr }));
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}
