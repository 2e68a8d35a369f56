/** `execplan resume <plan>`: a short brief to pick the plan up from, for a person or a fresh agent. */
import type { OptionsOf } from '../command-table.js';
import { textSize } from '../core/resume.js';
import { openPlan } from '../usecases/open.js';
import { resumePlan } from '../usecases/resume.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan resume`. */
export async function run(io: Io, opts: OptionsOf<'resume'>, ref: string): Promise<number> {
  const target = openPlan(io.cwd, ref);
  const { brief, text } = resumePlan(target);
  const { id, relPath: path, archived } = target.ref;
  if (opts.json) writeJson(io, { plan: { id, path, archived }, brief, text, size: textSize(text) });
  else io.stdout(text);
  return 0;
}
