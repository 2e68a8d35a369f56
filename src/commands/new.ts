/** `execplan new "Short description"`: a plan from the skeleton, with its artifacts folder. */
import type { OptionsOf } from '../command-table.js';
import { formatDate } from '../core/timestamps.js';
import { createPlan, namePlan } from '../workspace/create.js';
import { ExecplanError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clockOf, writeJson, type Io } from './io.js';

/** Run `execplan new`. */
export async function run(io: Io, opts: OptionsOf<'new'>, description: string): Promise<number> {
  namePlan(description);
  const { now, tzOffsetMinutes } = clockOf(io);
  const date = opts.date ?? formatDate(now, tzOffsetMinutes);
  if (!isRealDate(date)) throw new ExecplanError('USAGE', `--date ${JSON.stringify(opts.date)} is not a date in the form YYYY-MM-DD, e.g. --date 2026-01-05.`);
  const ws = openWorkspace(io.cwd);
  const result = createPlan(ws, { description, date });
  if (opts.json) writeJson(io, result);
  else io.stdout(`${result.path}\n`);
  if (!opts.json) io.stderr(`Created ${result.path} and ${result.artifacts}/. Next: fill in Purpose, then run \`execplan lint ${result.id}\`.\n`);
  return 0;
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
