/** The brief to pick a plan up from, for a person or a fresh agent. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildResume, renderResume, type ResumeBrief } from '../core/resume.js';
import { readPlan } from '../workspace/read.js';
import { isInside } from '../workspace/workspace.js';
import type { PlanTarget } from './open.js';

/** The resume brief of a plan, as data and as the text `execplan resume` prints. */
export function resumePlan({ ws, ref }: PlanTarget): { brief: ResumeBrief; text: string } {
  const { plan } = readPlan(ws, ref);
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
  return { brief, text: renderResume(brief, { path: ref.relPath }) };
}
