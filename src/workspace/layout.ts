/** Detecting where a repository already keeps its plans, so `init` points there instead of adding a second layout. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../core/parse.js';
import type { Config } from './config.js';
import { isPlanFileName } from './plans.js';

/** A layout found in the repository. */
export interface DetectedLayout {
  paths: Config['paths'];
  /** How many files there read as ExecPlans. */
  plans: number;
}

/** Active folder, and the folders that hold finished plans next to it, in order of preference. */
const CANDIDATES: { active: string; archive: string[] }[] = [
  { active: '.agent/execplans', archive: ['.agent/execplans/archive'] },
  { active: '.agents/execplans', archive: ['.agents/execplans/archive', '.agents/done'] },
  { active: '.agent/exec_plans/active', archive: ['.agent/exec_plans/complete', '.agent/exec_plans/completed'] },
  { active: '.agent/exec_plans', archive: ['.agent/exec_plans/complete', '.agent/exec_plans/archive'] },
  { active: '.agent/plans', archive: ['.agent/plans/archive', '.agent/done'] },
  { active: '.agents/plans', archive: ['.agents/plans/archive', '.agents/done'] },
  { active: 'docs/exec-plans/active', archive: ['docs/exec-plans/completed', 'docs/exec-plans/archive'] },
  { active: 'docs/exec-plans', archive: ['docs/exec-plans/completed', 'docs/exec-plans/archive'] },
  { active: 'docs/execplans/active', archive: ['docs/execplans/completed', 'docs/execplans/archive'] },
  { active: 'docs/execplans', archive: ['docs/execplans/completed', 'docs/execplans/archive'] },
  { active: 'execplans/active', archive: ['execplans/completed', 'execplans/archive'] },
  { active: 'execplans', archive: ['execplans/completed', 'execplans/archive'] },
  { active: 'docs/plans', archive: ['docs/plans/completed', 'docs/plans/archive'] },
  { active: 'plans', archive: ['plans/completed', 'plans/archive'] },
];

/** Find the folder with the most ExecPlans in it, or undefined when there is none. */
export function detectLayout(root: string): DetectedLayout | undefined {
  let best: DetectedLayout | undefined;
  const seenActive = new Set<string>();
  for (const c of CANDIDATES) {
    const dir = path.join(root, c.active);
    if (!isDir(dir)) continue;
    // `docs/exec-plans` is only a candidate when its `active` child was not one already.
    if ([...seenActive].some((a) => a.startsWith(`${c.active}/`))) continue;
    const archive = c.archive.find((a) => isDir(path.join(root, a))) ?? `${c.active}/archive`;
    const plans = countPlans(dir, [path.join(root, archive)]);
    if (!plans) continue;
    seenActive.add(c.active);
    if (!best || plans > best.plans) {
      const artifacts = `${c.active.replace(/\/active$/, '')}/artifacts`;
      best = { plans, paths: { active: c.active, archive, artifacts, archiveArtifacts: `${archive}/artifacts` } };
    }
  }
  return best;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Count files that read as ExecPlans: at least two of the living sections or Purpose, or "ExecPlan" in the name. */
function countPlans(dir: string, skip: string[], depth = 0): number {
  if (depth > 4 || skip.includes(dir)) return 0;
  let n = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') n += countPlans(abs, skip, depth + 1);
    else if (e.isFile() && isPlanFileName(e.name) && existsSync(abs)) {
      if (/exec[-_]?plan/i.test(e.name)) n++;
      else {
        const plan = parsePlan(readFileSync(abs, 'utf8'));
        const keys = new Set(plan.sections.map((s) => s.key));
        if (['purpose', 'progress', 'decisions', 'surprises', 'outcomes'].filter((k) => keys.has(k)).length >= 2) n++;
      }
    }
  }
  return n;
}
