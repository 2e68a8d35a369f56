/** `execplan outcome <plan> "text"`: append an Outcomes & Retrospective entry. */
import { addOutcome } from '../core/edits/logs.js';
import { renderEdit } from '../formatters/edit.js';
import { editPlan, openEditTarget, type ApplyOptions } from '../usecases/edit-plan.js';
import { clockOf, print, type GlobalOptions, type Io } from './io.js';

/** Run `execplan outcome`. */
export async function run(io: Io, opts: GlobalOptions & ApplyOptions, planRef: string, words: string[] = []): Promise<number> {
  const target = openEditTarget(opts.cwd ?? io.cwd, planRef, clockOf(io));
  const text = words.join(' ');
  return print(io, renderEdit(target.ref, await editPlan(target, (plan, ctx) => addOutcome(plan, text, ctx), opts), opts));
}
