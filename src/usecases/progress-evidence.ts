/**
 * `progress done --evidence <transcript|commit>`: the evidence a done item cites, checked before it
 * is written. A transcript must be one of the plan's own (in its artifacts folder) of a run that
 * exited 0; a commit must be one git knows.
 */
import path from 'node:path';
import { evidenceText } from '../core/evidence.js';
import { artifactsDir } from '../workspace/artifacts.js';
import { ExecplanError } from '../workspace/errors.js';
import { git } from '../workspace/git.js';
import { isFile } from '../workspace/read.js';
import type { PlanRef } from '../workspace/plans.js';
import { assertRealInside } from '../workspace/safe-path.js';
import { transcriptResult } from '../workspace/transcript.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';

/** The words to add to the item, `(evidence: …)`, for `arg` given from `cwd`. */
export function evidenceFor(ws: Workspace, ref: PlanRef, arg: string, cwd: string): string {
  const given = arg.trim();
  if (!given) throw new ExecplanError('USAGE', '--evidence is empty; give a transcript of this plan (a .log file `execplan run` saved) or a commit.');
  const dir = artifactsDir(ws, ref);
  const candidates = [path.resolve(cwd, given), path.join(dir, given)];
  const file = candidates.find((c) => isInside(dir, c) && isFile(c));
  if (file) {
    assertRealInside(ws.root, file, 'transcript');
    const result = transcriptResult(file);
    const shown = relPath(ws, file);
    if (result === undefined) throw new ExecplanError('INVALID_INPUT', `${shown} is not a transcript \`execplan run\` saved (it has no "result:" line). Give one of this plan's run transcripts, or a commit.`, { file: shown });
    if (result !== 'exit code 0') {
      throw new ExecplanError('REFUSED', `${shown} records a run that ended with ${result}; evidence must be a run that exited 0. Run the check again with \`execplan run ${ref.id} <command>\` and cite that transcript.`, { file: shown });
    }
    return evidenceText({ transcript: path.relative(path.dirname(ref.path), file).split(path.sep).join('/') });
  }
  if (/\.log$/i.test(given) || given.includes('/')) {
    throw new ExecplanError('INVALID_INPUT', `No transcript ${given} in ${relPath(ws, dir)}/: evidence is one of this plan's run transcripts (see \`execplan artifact list ${ref.id}\`) or a commit.`);
  }
  if (given.startsWith('-')) throw new ExecplanError('INVALID_INPUT', `${given} is neither a transcript nor a commit: give a run transcript of this plan or a commit (its hash, or a name such as HEAD).`);
  const r = git(ws.root, ['rev-parse', '--verify', '--quiet', `${given}^{commit}`], { allowFail: true });
  const hash = r.status === 0 ? r.stdout.trim() : '';
  if (!/^[0-9a-f]{40,64}$/.test(hash)) {
    throw new ExecplanError('INVALID_INPUT', `${given} is neither a transcript in ${relPath(ws, dir)}/ nor a commit git knows here. Give a run transcript of this plan or a commit (its hash, or a name such as HEAD).`);
  }
  return evidenceText({ commit: hash.slice(0, 12) });
}
