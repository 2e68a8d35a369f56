/** `execplan decide <plan> "decision" --rationale "why"`: append a Decision Log entry. */
import type { OptionsOf } from '../command-table.js';
import { addDecision } from '../core/edits/logs.js';
import { renderEdit } from '../formatters/edit.js';
import { editPlan, openEditTarget } from '../usecases/edit-plan.js';
import { resolveAuthor } from '../workspace/author.js';
import { ExecplanError } from '../workspace/errors.js';
import { clockOf, print, type Io } from './io.js';

/** Run `execplan decide`. */
export async function run(io: Io, opts: OptionsOf<'decide'>, planRef: string, words: string[] = []): Promise<number> {
  const target = openEditTarget(io.cwd, planRef, clockOf(io));
  if (opts.rationale === undefined) {
    throw new ExecplanError('USAGE', 'A decision is recorded with its reason: add --rationale "why", as in `execplan decide <plan> "Use SQLite" --rationale "One file, no server"`.');
  }
  const author = resolveAuthor({ flag: opts.author, config: target.ws.config.author, env: io.env, root: target.ws.root });
  const input = { decision: words.join(' '), rationale: opts.rationale, author };
  return print(io, renderEdit(target.ref, await editPlan(target, (plan, ctx) => addDecision(plan, input, ctx), opts), opts));
}
