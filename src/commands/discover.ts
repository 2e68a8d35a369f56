/** `execplan discover <plan> "observation" --evidence "..."`: append a Surprises & Discoveries entry. */
import { addSurprise } from '../core/edits/logs.js';
import { ExecplanError } from '../workspace/errors.js';
import { editTarget, runEdit, type EditOptions } from './edit-plan.js';
import type { Io } from './io.js';

interface Options extends EditOptions {
  evidence?: string;
}

/** Run `execplan discover`. */
export async function run(io: Io, opts: Options, planRef: string, words: string[] = []): Promise<number> {
  const target = editTarget(io, opts, planRef);
  if (opts.evidence === undefined) {
    throw new ExecplanError('USAGE', 'An observation is recorded with its evidence: add --evidence "what shows it", as in `execplan discover <plan> "Parsing is slow on big files" --evidence "2.1 s for 185 KB"`.');
  }
  const input = { observation: words.join(' '), evidence: opts.evidence };
  return runEdit(io, opts, target, (plan, ctx) => addSurprise(plan, input, ctx));
}
