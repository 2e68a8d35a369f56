/**
 * Lint throughput: against markdownlint-cli2 on the same files, against a read-and-split floor on
 * 10,000 plans (with peak memory), and a cached second run against the first.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { compare, runOnce } from '../measure.mjs';
import { budgetNote, fmtMs, ratioRow, statusRow, valueRow } from '../report.mjs';

const MARKDOWNLINT = path.resolve(new URL('../../node_modules/.bin/markdownlint-cli2', import.meta.url).pathname);
const READ_LINES = new URL('../read-lines.mjs', import.meta.url).pathname;
const GLOB = '.agent/execplans/*.md';
/** Target and stop limit of the 10,000-plan lint: a run past the limit is stopped and reported over target. */
const LINT_10K_TARGET_S = 10;
const LINT_10K_STOP_S = 60;

/** `execplan lint` and `markdownlint-cli2` over the same 500 plans, side by side. */
export const lintVsMarkdownlint = {
  id: 'lint-vs-markdownlint',
  title: 'execplan lint vs markdownlint-cli2, 500 plans',
  needs: [],
  run(ctx) {
    if (!existsSync(MARKDOWNLINT)) return [statusRow('lint-vs-markdownlint', 'failed', `markdownlint-cli2 not installed at ${MARKDOWNLINT}`)];
    const ws = ctx.ws(500);
    // markdownlint-cli2 takes tens of seconds here: no warm-up, the files are in the page cache already.
    const mdl = { label: 'markdownlint-cli2', argv: [MARKDOWNLINT, GLOB], cwd: ws.root, okCodes: [0, 1], warmup: 0 };
    if (!ctx.has('lint')) {
      const [m] = compare([mdl], { runs: ctx.heavyRuns, warmup: 1, budgetMs: ctx.budget(75) });
      return [
        valueRow({ scenario: 'lint-vs-markdownlint', name: 'markdownlint-cli2 (500 plans)', value: m.median, unit: 'ms', figure: fmtMs(m.median) }),
        statusRow('lint-vs-markdownlint', 'n/a', 'not available yet', { name: 'lint 500 plans vs markdownlint-cli2', target: '≤ 0.1×', notes: ['`execplan lint` is not in dist/bin.cjs yet'] }),
      ];
    }
    const lint = { label: 'execplan lint', argv: ctx.execplan('lint'), cwd: ws.root, okCodes: [0, 1] };
    const [l, m] = compare([lint, mdl], { runs: ctx.heavyRuns, warmup: 1, budgetMs: ctx.budget(75) });
    return [ratioRow({ scenario: 'lint-vs-markdownlint', name: 'lint 500 plans vs markdownlint-cli2', measured: l, baseline: m, baselineLabel: 'markdownlint-cli2', max: 0.1 })];
  },
};

/** `execplan lint` over 10,000 plans: time, MB/s, peak RSS, and the ratio to reading the files. */
export const lint10k = {
  id: 'lint-10k',
  title: 'execplan lint, 10,000 plans',
  needs: [],
  run(ctx) {
    const ws = ctx.ws(10_000);
    const mb = ws.bytes / 1e6;
    const mbps = (ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
    const floor = { label: 'read and split lines', argv: [ctx.node, READ_LINES, ws.plansDir], rss: true };
    runOnce(floor); // Puts the files in the page cache, for both sides alike.
    if (!ctx.has('lint')) {
      const [f] = compare([floor], { runs: ctx.heavyRuns, warmup: 0, budgetMs: ctx.budget(45) });
      return [
        valueRow({ scenario: 'lint-10k', name: 'read+split floor (10,000 plans)', value: f.median, unit: 'ms', figure: fmtMs(f.median), notes: [`${mb.toFixed(1)} MB, ${mbps(f.median)}, peak RSS ${(f.maxRssKB / 1024).toFixed(0)} MB`] }),
        statusRow('lint-10k', 'n/a', 'not available yet', { name: 'lint 10,000 plans', target: `< ${LINT_10K_TARGET_S} s, < 300 MB`, notes: ['`execplan lint` is not in dist/bin.cjs yet'] }),
      ];
    }
    const lint = { label: 'execplan lint', argv: ctx.execplan('lint'), cwd: ws.root, okCodes: [0, 1], rss: true, timeoutMs: LINT_10K_STOP_S * 1000 };
    let l;
    let f;
    try {
      [l, f] = compare([lint, floor], { runs: ctx.heavyRuns, warmup: 0, budgetMs: ctx.budget(45) });
    } catch (err) {
      if (!err.timedOut) throw err;
      return [
        valueRow({ scenario: 'lint-10k', name: 'lint 10,000 plans: time', value: LINT_10K_STOP_S, unit: 's', figure: `> ${LINT_10K_STOP_S} s (stopped)`, max: LINT_10K_TARGET_S, status: 'over', notes: [`the run was stopped after ${LINT_10K_STOP_S} s, ${LINT_10K_STOP_S / LINT_10K_TARGET_S}× the target; ${mb.toFixed(1)} MB in ${ws.n} files`] }),
        statusRow('lint-10k', 'n/a', 'not measured (run stopped)', { name: 'lint 10,000 plans: peak RSS', target: '< 300 MB' }),
      ];
    }
    const rssMB = l.maxRssKB / 1024;
    const notes = [`${mb.toFixed(1)} MB in ${ws.n} files; ratio = lint time / read-and-split time (no target: it shows what linting costs over I/O)`];
    if (l.budgetHit) notes.push(budgetNote(l));
    // The whole-document formats: one run each, for their peak memory beside stylish's.
    const documents = ['json', 'sarif'].map((format) => {
      const name = `lint 10,000 plans --format ${format}: peak RSS`;
      let r;
      try {
        r = runOnce({ label: `execplan lint --format ${format}`, argv: ctx.execplan('lint', '--format', format), cwd: ws.root, okCodes: [0, 1], rss: true, timeoutMs: LINT_10K_STOP_S * 1000 });
      } catch (err) {
        if (!err.timedOut) throw err;
        return statusRow('lint-10k', 'n/a', 'not measured (run stopped)', { name, target: '< 300 MB', notes: [`stopped after ${LINT_10K_STOP_S} s`] });
      }
      const peak = r.rssKB / 1024;
      return valueRow({
        scenario: 'lint-10k',
        name,
        value: peak,
        unit: 'MB',
        figure: `${peak.toFixed(0)} MB`,
        baseline: `${rssMB.toFixed(0)} MB (stylish)`,
        ratio: peak / rssMB,
        max: 300,
        notes: [`one run, ${fmtMs(r.ms)}`],
      });
    });
    return [
      valueRow({
        scenario: 'lint-10k',
        name: 'lint 10,000 plans: time',
        value: l.median / 1000,
        unit: 's',
        figure: `${fmtMs(l.median)} (${mbps(l.median)})`,
        baseline: `${fmtMs(f.median)} (read+split, ${mbps(f.median)})`,
        ratio: l.median / f.median,
        max: LINT_10K_TARGET_S,
        notes,
      }),
      valueRow({
        scenario: 'lint-10k',
        name: 'lint 10,000 plans: peak RSS',
        value: rssMB,
        unit: 'MB',
        figure: `${rssMB.toFixed(0)} MB`,
        baseline: `${(f.maxRssKB / 1024).toFixed(0)} MB (read+split)`,
        ratio: rssMB / (f.maxRssKB / 1024),
        max: 300,
      }),
      ...documents,
    ];
  },
};

/** A second `lint --cache` run against the first one, which starts without a cache. */
export const lintCache = {
  id: 'lint-cache',
  title: 'execplan lint --cache, second run vs first, 500 plans',
  needs: ['lint --cache'],
  run(ctx) {
    const ws = ctx.ws(500);
    const cacheDir = path.join(ws.root, '.execplan', 'cache');
    const clear = () => rmSync(cacheDir, { recursive: true, force: true });
    const argv = ctx.execplan('lint', '--cache');
    const first = { label: 'lint --cache (first)', argv, cwd: ws.root, okCodes: [0, 1], prepare: clear };
    const second = { label: 'lint --cache (second)', argv, cwd: ws.root, okCodes: [0, 1] };
    try {
      const [a, b] = compare([first, second], { runs: ctx.heavyRuns, warmup: 1, fixedOrder: true, budgetMs: ctx.budget(40) });
      const notes = existsSync(cacheDir) ? [] : [`no cache found at ${path.relative(ws.root, cacheDir)}; if it lives elsewhere the "first" runs were not cold`];
      return [ratioRow({ scenario: 'lint-cache', name: 'lint --cache, second run vs first', measured: b, baseline: a, baselineLabel: 'first run', max: 0.1, notes })];
    } finally {
      clear();
    }
  },
};
