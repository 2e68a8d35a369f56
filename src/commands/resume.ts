/** `execplan resume <plan>`: a short brief to pick the plan up from, for a person or a fresh agent. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildResume, renderResume, textSize, type ResumeBrief } from '../core/resume.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
import { readPlan } from '../workspace/read.js';
import { isInside, openWorkspace, type Workspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
}

/** Run `execplan resume`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  const planRef = resolvePlan(ws, ref, cwd);
  const { brief, text } = resumePlan(ws, planRef);
  if (opts.json) {
    writeJson(io, { ok: true, plan: { id: planRef.id, path: planRef.relPath, archived: planRef.archived }, brief, text, size: textSize(text) });
    return 0;
  }
  io.stdout(text);
  return 0;
}

/** The resume brief of a plan, as data and as the text `execplan resume` prints. */
export function resumePlan(ws: Workspace, planRef: PlanRef): { brief: ResumeBrief; text: string } {
  const { plan } = readPlan(ws, planRef);
  // Only names that are files in the repository: a brief must not send its reader after ghosts.
  const exists = (rel: string) => {
    const abs = path.resolve(ws.root, rel);
    if (!isInside(ws.root, abs)) return false;
    try {
      return statSync(abs).isFile();
    } catch {
      return false;
    }
  };
  const brief = buildResume(plan, { exists });
  return { brief, text: renderResume(brief, { path: planRef.relPath }) };
}
