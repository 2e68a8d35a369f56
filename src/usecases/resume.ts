/** The brief to pick a plan up from, for a person or a fresh agent. */
import { buildResume, renderResume, type ResumeBrief } from '../core/resume.js';
import { readPlan } from '../workspace/read.js';
import { isRepoFile } from '../workspace/workspace.js';
import type { PlanTarget } from './open.js';

/** The resume brief of a plan, as data and as the text `execplan resume` prints. */
export function resumePlan({ ws, ref }: PlanTarget): { brief: ResumeBrief; text: string } {
  const { plan } = readPlan(ws, ref);
  // Only names that are files in the repository: a brief must not send its reader after ghosts.
  const brief = buildResume(plan, { exists: (rel) => isRepoFile(ws, rel) });
  return { brief, text: renderResume(brief, { path: ref.relPath }) };
}
