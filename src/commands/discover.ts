/** `execplan discover <plan> "observation" --evidence "..."`: append a Surprises & Discoveries entry. */
import type { OptionsOf } from '../command-table.js';
import { addSurprise } from '../core/edits/logs.js';
import { renderEdit } from '../formatters/edit.js';
import { editPlan, openEditTarget } from '../usecases/edit-plan.js';
import { ExecplanError } from '../workspace/errors.js';
import { clockOf, print, type Io } from './io.js';

/** Run `execplan discover`. */
export async function run(io: Io, opts: OptionsOf<'discover'>, planRef: string, words: string[] = []): Promise<number> {
  const target = openEditTarget(io.cwd, planRef, clockOf(io));
  if (opts.evidence === undefined) {
    throw new ExecplanError('USAGE', 'An observation is recorded with its evidence: add --evidence "what shows it", as in `execplan discover <plan> "Parsing is slow on big files" --evidence "2.1 s for 185 KB"`.');
  }
  const input = { observation: words.join(' '), evidence: opts.evidence };
  return print(io, renderEdit(target.ref, await editPlan(target, (plan, ctx) => addSurprise(plan, input, ctx), opts), opts));
}
