/** Kill `archive` and `reopen` at every step, then check that the next command leaves plan and artifacts together. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempRepo } from '../helpers.js';
import { addPlan, cli, FINISHED_PLAN, lintOff, PLAN_ID } from './lifecycle.js';

const SCRIPT = new URL('./crash-move.ts', import.meta.url).pathname;
const ACTIVE = `.agent/execplans/${PLAN_ID}.md`;
const ARCHIVED = `.agent/execplans/archive/${PLAN_ID}.md`;
const ACTIVE_ART = `.agent/execplans/artifacts/${PLAN_ID}/bench.txt`;
const ARCHIVED_ART = `.agent/execplans/archive/artifacts/${PLAN_ID}/bench.txt`;
/** Unfinished, so archive writes its --force note first: every kind of step is made. */
const PLAN = FINISHED_PLAN.replace('- [x]', '- [ ]');

/** Run the move in a child process that kills itself at call `n` (`before` or `after` it); the number of calls with n = 0. */
function crash(root: string, op: 'archive' | 'reopen', n: number, phase: 'before' | 'after'): number | undefined {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, root, op, String(n), phase], { encoding: 'utf8', cwd: path.dirname(SCRIPT) });
  if (n === 0 && r.status !== 0) throw new Error(r.stderr);
  return n === 0 ? Number(r.stdout.trim()) : undefined;
}

/** A workspace with the plan and its artifacts, active (`archive`) or already archived (`reopen`). */
async function setup(op: 'archive' | 'reopen'): Promise<string> {
  const root = tempRepo();
  lintOff(root);
  addPlan(root, { text: PLAN });
  if (op === 'reopen') {
    const r = await cli(['archive', PLAN_ID, '--force'], { cwd: root });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return root;
}

/** What is wrong after a crash and the next command, or nothing. */
export interface CrashCase {
  op: 'archive' | 'reopen';
  n: number;
  phase: 'before' | 'after';
  problems: string[];
}

/** Every crash point of `op`: each call, killed before and after it. */
export async function crashEveryStep(op: 'archive' | 'reopen', only?: number[]): Promise<CrashCase[]> {
  const total = crash(await setup(op), op, 0, 'before')!;
  const cases: CrashCase[] = [];
  for (let n = 1; n <= total; n++) {
    if (only && !only.includes(n)) continue;
    for (const phase of ['before', 'after'] as const) {
      const root = await setup(op);
      crash(root, op, n, phase);
      // The next command: any that looks for plans.
      const listed = await cli(['list', '--all', '--json'], { cwd: root });
      const problems: string[] = [];
      if (listed.code !== 0) problems.push(`list exited ${listed.code}: ${listed.stderr}`);
      const at = (rel: string) => existsSync(path.join(root, rel));
      const active = at(ACTIVE);
      const archived = at(ARCHIVED);
      if (active === archived) problems.push(`the plan is ${active ? 'in both places' : 'nowhere'}`);
      if (active && !at(ACTIVE_ART)) problems.push('the plan is active, its artifacts are not');
      if (archived && !at(ARCHIVED_ART)) problems.push('the plan is archived, its artifacts are not');
      if (at(ACTIVE_ART) && at(ARCHIVED_ART)) problems.push('artifacts in both places');
      const journal = path.join(root, '.execplan/journal');
      if (existsSync(journal) && readdirSync(journal).some((n2) => n2.endsWith('.json'))) problems.push('a move record is left');
      const text = active || archived ? readFileSync(path.join(root, active ? ACTIVE : ARCHIVED), 'utf8') : '';
      // Archive: rolled back, the plan as it was; finished, the plan with its note. Reopen keeps the text as archived.
      if (op === 'archive' && active && text !== PLAN) problems.push('the active plan is not the text it had');
      if (op === 'archive' && archived && !text.includes('Archived with --force')) problems.push('the archived plan lacks its --force note');
      cases.push({ op, n, phase, problems });
    }
  }
  return cases;
}
