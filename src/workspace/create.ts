/** Creating a plan file from the skeleton, with its artifacts folder: what `execplan new` and the MCP server share. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planSlug, renderSkeleton } from '../core/skeleton.js';
import { ExecplanError } from './errors.js';
import { listPlanRefs } from './plans.js';
import { assertRealInside, mkdirInside, writablePath } from './safe-path.js';
import { assertRepository, relPath, type Workspace } from './workspace.js';

/** A new plan's title and the slug that names its file. */
export interface PlanName {
  title: string;
  slug: string;
}

/** What a new plan is made from. */
export interface NewPlan {
  /** Short, action-oriented description: the title, and the file name's slug. */
  description: string;
  /** `YYYY-MM-DD` for the file name. */
  date: string;
}

/** A created plan, paths relative to the workspace root. */
export interface CreatedPlan {
  id: string;
  path: string;
  artifacts: string;
}

/** Check a description and derive the title and slug (see planSlug); throws a USAGE error, saying what to type instead, only for an empty one. */
export function namePlan(description: string): PlanName {
  const title = description.replace(/\s+/g, ' ').trim();
  if (!title) throw new ExecplanError('USAGE', 'The description is empty. Give a short, action-oriented description, e.g. execplan new "Add CSV export to reports".');
  return { title, slug: planSlug(title) };
}

/**
 * Write `<active>/<date>_<slug>.md` from the skeleton and create its artifacts folder. A name that is
 * taken gets `-2`, `-3` ...; creation is exclusive, so two racing calls both succeed with distinct ids.
 */
export function createPlan(ws: Workspace, input: NewPlan): CreatedPlan {
  const { title, slug } = namePlan(input.description);
  assertRepository(ws, 'a new plan');
  // A plans folder that is a link to elsewhere would put the new plan outside the workspace.
  assertRealInside(ws.root, ws.dirs.active, 'plans folder');
  assertRealInside(ws.root, ws.dirs.artifacts, 'artifacts folder');
  const taken = new Set(listPlanRefs(ws, 'all').map((p) => p.id));
  const base = `${input.date}_${slug}`;
  const text = renderSkeleton({ title, date: input.date });
  mkdirInside(ws.root, ws.dirs.active, 'plans folder');
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
    mkdirInside(ws.root, artifacts, 'artifacts folder');
    // Git keeps no empty folders: a placeholder keeps the artifacts folder in the repository.
    writeFileSync(writablePath(ws.root, path.join(artifacts, '.gitkeep'), 'file'), '', { flag: 'a' });
    return { id, path: relPath(ws, file), artifacts: relPath(ws, artifacts) };
  }
  throw new ExecplanError('PLAN_EXISTS', `Too many plans named ${base}; choose another description.`);
}
