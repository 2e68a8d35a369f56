/**
 * Result rows and their presentation: one row per figure, with the baseline measured in the same run,
 * the ratio and the target; printed as a table and written as JSON.
 */
import { writeFileSync } from 'node:fs';

/** Format milliseconds for people: "41.3 ms", "2.41 s". */
export function fmtMs(ms) {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A row comparing a measured time with a baseline time, passing when `measured / baseline <= max`. */
export function ratioRow({ scenario, name, measured, baseline, baselineLabel, max, notes = [] }) {
  const ratio = measured.median / baseline.median;
  if (measured.budgetHit) notes = [...notes, budgetNote(measured)];
  return {
    scenario,
    name,
    figure: fmtMs(measured.median),
    value: round(measured.median),
    unit: 'ms',
    baseline: `${fmtMs(baseline.median)} (${baselineLabel})`,
    baselineValue: round(baseline.median),
    ratio: round(ratio, 3),
    target: max < 1 ? `≤ ${max}× (1/${Math.round(1 / max)})` : `≤ ${max}×`,
    status: ratio <= max ? 'ok' : 'over',
    runs: measured.runs,
    // Every sample, for judging the spread when a ratio sits close to its target.
    samples: { measured: measured.samples.map((x) => round(x)), baseline: baseline.samples.map((x) => round(x)) },
    notes,
  };
}

/** The note for a measurement cut short by its scenario's time budget. */
export function budgetNote(summary) {
  return `${summary.runs} of ${summary.runsWanted} runs: stopped at the scenario's time budget (the commands are slow)`;
}

/** A row for an absolute figure with an optional upper limit (`max`, in the figure's unit). */
export function valueRow({ scenario, name, value, unit, figure, max, target, baseline = '—', ratio = null, notes = [], status }) {
  const ok = max === undefined || value <= max;
  return {
    scenario,
    name,
    figure: figure ?? `${round(value)} ${unit}`,
    value: round(value),
    unit,
    baseline,
    ratio: ratio === null ? null : round(ratio, 3),
    target: target ?? (max === undefined ? '—' : `< ${max} ${unit}`),
    status: status ?? (ok ? 'ok' : 'over'),
    notes,
  };
}

/** A row for a scenario that could not run: a missing command (`n/a`) or a failure (`failed`). */
export function statusRow(scenario, status, message, extra = {}) {
  return { scenario, name: scenario, figure: message, value: null, unit: null, baseline: '—', ratio: null, target: '—', status, notes: [], ...extra };
}

const MARK = { ok: 'ok', over: 'OVER TARGET', failed: 'FAILED', 'n/a': 'n/a' };

/** The rows as a plain-text table, with the notes underneath. */
export function formatTable(rows) {
  const head = ['Id', 'Scenario', 'Measured', 'Baseline (same run)', 'Ratio', 'Target', 'Result'];
  const body = rows.map((r) => [r.scenario, r.name, r.figure, r.baseline, r.ratio === null ? '—' : fmtRatio(r.ratio), r.target, MARK[r.status] ?? r.status]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const notes = rows.flatMap((r) => r.notes.map((n) => `  ${r.name}: ${n.replace(/\n/g, '\n      ')}`));
  if (notes.length) out.push('', 'Notes:', ...notes);
  return `${out.join('\n')}\n`;
}

/** Write the run's rows and context to a JSON file. */
export function writeResults(file, meta, rows) {
  writeFileSync(file, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
}

function fmtRatio(x) {
  return `${x.toFixed(x >= 10 ? 1 : x >= 0.1 ? 2 : 3)}×`;
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
