/** `execplan archive <plan>`: move a finished plan and its artifacts to the archive, together. */
import { archivePlan, type MoveResult } from '../workspace/archive.js';
import { planLintErrors } from '../workspace/lint-errors.js';
import { resolvePlan } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clock, tzOffset, writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

/** Run `execplan archive`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  const planRef = resolvePlan(ws, ref, cwd);
  const now = clock(io);
  const tz = tzOffset(io, now);
  const result = await archivePlan(ws, planRef, {
    force: Boolean(opts.force),
    dryRun: Boolean(opts.dryRun),
    now,
    tzOffsetMinutes: tz,
    lint: (text, r) => planLintErrors(ws, r, text, now, tz),
  });
  if (opts.json) {
    writeJson(io, { ok: true, ...result });
    return 0;
  }
  io.stdout(renderMoves(result, result.dryRun ? 'Would archive' : 'Archived'));
  if (result.forced) {
    io.stdout(`${result.dryRun ? 'Would record' : 'Recorded'} in Outcomes & Retrospective:\n  ${result.note}\n`);
  }
  return 0;
}

/** The moves of an archive or reopen, one per line. */
export function renderMoves(result: MoveResult, verb: string): string {
  const lines = [`${verb} ${result.id}:`];
  for (const m of result.moves) lines.push(`  ${m.from}${m.kind === 'artifacts' ? '/' : ''} -> ${m.to}${m.kind === 'artifacts' ? '/' : ''}`);
  return `${lines.join('\n')}\n`;
}
