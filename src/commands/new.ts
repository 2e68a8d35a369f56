/** `execplan new "Short description"`: a plan from the skeleton, with its artifacts folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSkeleton, slugify } from '../core/skeleton.js';
import { formatDate } from '../core/timestamps.js';
import { ExecplanError } from '../workspace/errors.js';
import { listPlanRefs } from '../workspace/plans.js';
import { openWorkspace, relPath } from '../workspace/workspace.js';
import { clock, tzOffset, writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
  date?: string;
  author?: string;
}

/** Run `execplan new`. */
export async function run(io: Io, opts: Options, description: string): Promise<number> {
  const title = description.replace(/\s+/g, ' ').trim();
  if (!title) throw new ExecplanError('USAGE', 'The description is empty. Give a short, action-oriented description, e.g. execplan new "Add CSV export to reports".');
  const slug = slugify(title);
  if (!slug) {
    throw new ExecplanError('USAGE', `"${description}" has no letters or digits usable in a file name. Give a description with some ASCII letters or digits, e.g. execplan new "Add CSV export".`);
  }
  const now = clock(io);
  const date = opts.date ?? formatDate(now, tzOffset(io, now));
  if (!isRealDate(date)) throw new ExecplanError('USAGE', `--date ${JSON.stringify(opts.date)} is not a date in the form YYYY-MM-DD, e.g. --date 2026-01-05.`);
  const ws = openWorkspace(opts.cwd ?? io.cwd);
  const author = opts.author ?? ws.config.author ?? io.env.EXECPLAN_AUTHOR;

  const taken = new Set(listPlanRefs(ws, 'all').map((p) => p.id));
  const base = `${date}_${slug}`;
  const text = renderSkeleton({ title, date, ...(author ? { author } : {}) });
  mkdirSync(ws.dirs.active, { recursive: true });
  // Exclusive creation: two `new` runs racing for one name both succeed, with distinct ids.
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (taken.has(id)) continue;
    const file = path.join(ws.dirs.active, `${id}.md`);
    try {
      writeFileSync(file, text, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const artifacts = path.join(ws.dirs.artifacts, id);
    mkdirSync(artifacts, { recursive: true });
    // Git keeps no empty folders: a placeholder keeps the artifacts folder in the repository.
    writeFileSync(path.join(artifacts, '.gitkeep'), '', { flag: 'a' });
    const result = { id, path: relPath(ws, file), artifacts: relPath(ws, artifacts) };
    if (opts.json) writeJson(io, result);
    else io.stdout(`${result.path}\n`);
    if (!opts.json) io.stderr(`Created ${result.path} and ${result.artifacts}/. Next: fill in Purpose, then run \`execplan lint ${id}\`.\n`);
    return 0;
  }
  throw new ExecplanError('PLAN_EXISTS', `Too many plans named ${base}; choose another description.`);
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
