/** `execplan outcome <plan> "text"`: append an Outcomes & Retrospective entry. */
import { addOutcome } from '../core/edits/logs.js';
import { editTarget, runEdit, type EditOptions } from './edit-plan.js';
import type { Io } from './io.js';

/** Run `execplan outcome`. */
export async function run(io: Io, opts: EditOptions, planRef: string, words: string[] = []): Promise<number> {
  const target = editTarget(io, opts, planRef);
  const text = words.join(' ');
  return runEdit(io, opts, target, (plan, ctx) => addOutcome(plan, text, ctx));
}
