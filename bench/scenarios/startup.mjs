/**
 * Start-up scenarios: how close a cold `execplan` command comes to a bare `node -e 0`, measured side
 * by side in the same run.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../corpus.mjs';
import { compare } from '../measure.mjs';
import { fmtMs, ratioRow, valueRow } from '../report.mjs';

/** `node -e 0` alone: the floor every start-up ratio is measured against. */
export const baseline = {
  id: 'baseline',
  title: 'node -e 0',
  needs: [],
  run(ctx) {
    const [b] = compare([ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(20) });
    return [valueRow({ scenario: 'baseline', name: 'node -e 0 (baseline)', value: b.median, unit: 'ms', figure: fmtMs(b.median), notes: [`min ${fmtMs(b.min)}, max ${fmtMs(b.max)} over ${b.runs} runs`] })];
  },
};

/** Cold `execplan --version`: answered before anything else loads. */
export const version = {
  id: 'version',
  title: 'execplan --version',
  needs: ['--version'],
  run(ctx) {
    const [v, b] = compare([{ label: 'execplan --version', argv: ctx.execplan('--version') }, ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(20) });
    return [ratioRow({ scenario: 'version', name: 'cold execplan --version', measured: v, baseline: b, baselineLabel: 'node -e 0', max: 1.3 })];
  },
};

/** Cold `execplan list --json` over a 500-plan workspace. */
export const list = {
  id: 'list',
  title: 'execplan list --json, 500 plans',
  needs: ['list --json'],
  run(ctx) {
    const ws = ctx.ws(500);
    const cmd = { label: 'execplan list --json', argv: ctx.execplan('list', '--json'), cwd: ws.root, capture: true };
    const [l, b] = compare([cmd, ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(20) });
    const notes = [];
    const count = countListed(l.last.stdout);
    if (count === undefined) notes.push('could not find the list of plans in the JSON output to check its length');
    else if (count !== ws.n) notes.push(`listed ${count} plans, expected ${ws.n}: is the workspace root detected as ${ws.root}?`);
    else notes.push(`listed all ${count} plans`);
    return [ratioRow({ scenario: 'list', name: 'cold list --json (500 plans)', measured: l, baseline: b, baselineLabel: 'node -e 0', max: 3, notes })];
  },
};

/**
 * Lint of one plan, named by its path: a plan of the real corpus's median size, and the plan the
 * workspace starts with, which is larger than nine in ten real plans. Both against one baseline.
 */
export const lintOne = {
  id: 'lint-one',
  title: 'execplan lint <one plan>',
  needs: ['lint'],
  run(ctx) {
    const ws = ctx.ws(500);
    const rel = (id) => path.relative(ws.root, path.join(ws.plansDir, `${id}.md`));
    const size = (id) => statSync(path.join(ws.plansDir, `${id}.md`)).size;
    // The first copies are the real plans, once each: the one in the middle by size is the median.
    const real = ws.ids.slice(0, Math.min(ws.ids.length, loadCorpus().plans.length)).sort((a, b) => size(a) - size(b));
    const median = real[Math.floor((real.length - 1) / 2)];
    const large = ws.ids[0];
    const cmd = (id) => ({ label: `execplan lint ${rel(id)}`, argv: ctx.execplan('lint', rel(id)), cwd: ws.root, okCodes: [0, 1] });
    const [m, l, b] = compare([cmd(median), cmd(large), ctx.nodeNoop()], { runs: ctx.runs, warmup: ctx.warmup, budgetMs: ctx.budget(30) });
    const kb = (id) => `${(size(id) / 1024).toFixed(1)} KB`;
    return [
      ratioRow({ scenario: 'lint-one', name: `lint one plan (median size, ${kb(median)})`, measured: m, baseline: b, baselineLabel: 'node -e 0', max: 1.5, notes: [`plan ${rel(median)}`] }),
      ratioRow({ scenario: 'lint-one', name: `lint one large plan (${kb(large)})`, measured: l, baseline: b, baselineLabel: 'node -e 0', max: 1.5, notes: [`plan ${rel(large)}, larger than ${Math.round((100 * real.filter((id) => size(id) < size(large)).length) / real.length)}% of the real plans`] }),
    ];
  },
};

/** The number of plans in `list --json` output: the top-level array, or the first array-valued key. */
export function countListed(stdout) {
  let doc;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (Array.isArray(doc)) return doc.length;
  if (doc && typeof doc === 'object') {
    for (const key of ['plans', 'items', 'active', 'results']) if (Array.isArray(doc[key])) return doc[key].length;
    const arr = Object.values(doc).find(Array.isArray);
    if (arr) return arr.length;
  }
  return undefined;
}
