/**
 * The files execplan writes for git and reads from it: the `.gitattributes` lines that name the
 * merge driver (only those lines added or removed, the file's own line endings kept), the
 * pre-commit hook file (chaining a hook already there rather than replacing it), and the three
 * versions git hands the merge driver.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { dominantEol } from '../core/lines.js';
import { writeFileAtomic } from './atomic-write.js';
import { ExecplanError } from './errors.js';
import { assertRealInside, resolveInside } from './safe-path.js';

/** Add to `.gitattributes` those of `lines` it lacks; returns them, and whether the file was there. */
export function addAttributes(root: string, lines: readonly string[]): { added: string[]; existed: boolean } {
  const file = path.join(root, '.gitattributes');
  assertRealInside(root, file, '.gitattributes');
  const existed = existsSync(file);
  const text = existed ? readFileSync(file, 'utf8') : '';
  const have = new Set(text.split(/\r\n|\r|\n/).map((l) => l.trim()));
  const added = lines.filter((l) => !have.has(l));
  if (added.length) {
    const eol = text ? dominantEol(text) : '\n';
    const sep = text && !/[\r\n]$/.test(text) ? eol : '';
    writeFileAtomic(file, text + sep + added.map((l) => l + eol).join(''));
  }
  return { added, existed };
}

/** Take `lines` out of `.gitattributes` and nothing else; whether any was there, undefined without the file. */
export function removeAttributes(root: string, lines: readonly string[]): boolean | undefined {
  const file = path.join(root, '.gitattributes');
  if (!existsSync(file)) return undefined;
  assertRealInside(root, file, '.gitattributes');
  const ours = new Set(lines);
  // Each line with its own line break, so removing one leaves every other byte as it was.
  const all = readFileSync(file, 'utf8').match(/(?<![^\r\n])(?:[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$)/g) ?? [];
  const kept = all.filter((l) => !ours.has(l.trim()));
  if (kept.length !== all.length) writeFileAtomic(file, kept.join(''));
  return kept.length !== all.length;
}

/** The line that marks the hook as execplan's. */
const MARK = '# execplan pre-commit hook';
/** Where a hook that was there before is kept, beside ours. */
export const CHAINED_HOOK = 'pre-commit.execplan-chained';

/**
 * Make `file` execplan's pre-commit hook: the script runs a hook that was there first (its failure
 * stops the commit), kept beside it, then execplan. `shown` names the file in the error.
 */
export function installHookFile(file: string, shown: string): 'unchanged' | 'created' | 'chained' {
  const had = existsSync(file);
  if (had) {
    if (readFileSync(file, 'utf8').includes(MARK)) return 'unchanged';
    const chained = path.join(path.dirname(file), CHAINED_HOOK);
    if (existsSync(chained)) throw new ExecplanError('REFUSED', `${shown} is not execplan's, and ${CHAINED_HOOK} is already beside it; move one of them away, then install again.`);
    renameSync(file, chained);
  }
  const script = [
    '#!/bin/sh',
    `${MARK}: lints the plans staged for commit. Remove it with: execplan git hook uninstall`,
    ...(had ? [`"$(dirname "$0")/${CHAINED_HOOK}" "$@" || exit $?`] : []),
    'exec execplan git hook run',
    '',
  ];
  writeFileAtomic(file, script.join('\n'));
  chmodSync(file, 0o755);
  return had ? 'chained' : 'created';
}

/** Remove execplan's pre-commit hook at `file`, putting back, with its mode, the hook it chained. */
export function removeHookFile(file: string): 'not ours' | 'removed' | 'restored' {
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(MARK)) return 'not ours';
  unlinkSync(file);
  const chained = path.join(path.dirname(file), CHAINED_HOOK);
  if (!existsSync(chained)) return 'removed';
  const mode = statSync(chained).mode;
  renameSync(chained, file);
  chmodSync(file, mode);
  return 'restored';
}

/**
 * The files git hands the merge driver (base, ours, theirs; relative to `cwd`), each checked to lie
 * inside `root`, with their bytes. `plan` names the plan in the error, else the path of ours.
 */
export function readMergeVersions(root: string, cwd: string, names: readonly [string, string, string], plan?: string): { files: string[]; bytes: Buffer[]; shown: string } {
  const files = names.map((f, i) => resolveInside(root, cwd, f, ['base version', 'our version', 'their version'][i]!));
  const shown = plan ?? path.relative(root, files[1]!);
  const bytes = files.map((f) => {
    try {
      return readFileSync(f);
    } catch (err) {
      throw new ExecplanError('IO', `Cannot read ${path.relative(root, f) || f} for the merge of ${shown}: ${(err as Error).message}. Run the merge from git (git merge), which passes the files.`);
    }
  });
  return { files, bytes, shown };
}
