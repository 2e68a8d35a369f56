/** `execplan outcome <plan> "text"`: append an Outcomes & Retrospective entry. */
import type { OptionsOf } from '../command-table.js';
import { addOutcome } from '../core/edits/logs.js';
import { renderEdit } from '../formatters/edit.js';
import { editPlan, openEditTarget } from '../usecases/edit-plan.js';
import { clockOf, print, type Io } from './io.js';

/** Run `execplan outcome`. */
export async function run(io: Io, opts: OptionsOf<'outcome'>, planRef: string, words: string[] = []): Promise<number> {
  const target = openEditTarget(io.cwd, planRef, clockOf(io));
  const text = words.join(' ');
  return print(io, renderEdit(target.ref, await editPlan(target, (plan, ctx) => addOutcome(plan, text, ctx), opts), opts));
}
