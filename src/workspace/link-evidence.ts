/** Linking evidence files from a plan's Artifacts and Notes, in one locked, atomic update of the plan. */
import type { EditContext } from '../core/edits/context.js';
import { writingStyle } from '../core/timestamps.js';
import { addEvidenceLines, linkFromPlan } from './evidence-links.js';
import type { PlanRef } from './plans.js';
import { parseOptions } from './read.js';
import { updatePlan } from './store.js';
import type { Workspace } from './workspace.js';

/** A file to link, and the bullet's text given the link's destination. */
export interface EvidenceItem {
  /** Absolute path of the file. */
  file: string;
  describe: (link: string) => string;
}

/** Append one dated bullet per item to the plan's Artifacts and Notes (created when missing); returns the lines written. */
export async function linkEvidence(ws: Workspace, ref: PlanRef, items: readonly EvidenceItem[], now: Date, tzOffsetMinutes: number): Promise<string[]> {
  const ctx: EditContext = { now, style: ws.config.timestamps.style, offsetMinutes: tzOffsetMinutes, order: ws.config.sections.order, file: ref.relPath };
  const bullets = items.map((i) => i.describe(linkFromPlan(ref.path, i.file)));
  const outcome = await updatePlan(
    ref.path,
    (plan) => {
      const change = addEvidenceLines(plan, bullets, { ...ctx, style: writingStyle(ws.config.timestamps, plan) });
      return { edits: change.edits, result: change.lines };
    },
    { parse: parseOptions(ws), display: ref.relPath },
  );
  return outcome.result;
}
