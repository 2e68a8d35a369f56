/**
 * The merge git asks for when a plan changed on both sides: the three versions are read from the
 * files git names, merged section by section, and the result written over ours, as a merge driver
 * must. Files that are not UTF-8 text are merged by git's own line merge instead.
 */
import { isUtf8 } from 'node:buffer';
import { parseOptionsFor } from '../core/lint-settings.js';
import { mergePlans } from '../core/merge/merge-plan.js';
import type { ParseOptions } from '../core/types.js';
import { writeFileAtomic } from '../workspace/atomic-write.js';
import { loadConfig } from '../workspace/config.js';
import { git } from '../workspace/git.js';
import { readMergeVersions } from '../workspace/git-files.js';

/** The files git passes to a merge driver (`%O %A %B %P`), relative to `cwd`. */
export interface MergeFilesInput {
  base: string;
  ours: string;
  theirs: string;
  /** The path of the plan in the repository, for messages and labels. */
  path?: string;
  /** Length of the conflict markers (git's `%L`). */
  markerSize?: number;
}

/** What the merge did. */
export interface MergeFilesResult {
  path: string;
  conflicts: number;
  /** `sections` when execplan merged it; `git` when it was not UTF-8 text and git's line merge did. */
  by: 'sections' | 'git';
  warnings: string[];
}

/** Merge the three files and write the result over `ours`. */
export function mergeFiles(root: string, cwd: string, input: MergeFilesInput): MergeFilesResult {
  const { files, bytes, shown } = readMergeVersions(root, cwd, [input.base, input.ours, input.theirs], input.path);
  const [baseFile, oursFile, theirsFile] = files as [string, string, string];
  const warnings: string[] = [];
  const texts = bytes.map((b) => (isUtf8(b) ? b.toString('utf8') : undefined));
  const labels = { ours: 'ours', theirs: 'theirs', markerSize: input.markerSize ?? 7 };
  if (texts.some((t) => t === undefined)) {
    const r = git(root, ['merge-file', `--marker-size=${labels.markerSize}`, '-L', labels.ours, '-L', 'base', '-L', labels.theirs, oursFile, baseFile, theirsFile], { allowFail: true });
    return { path: shown, conflicts: r.status > 0 ? r.status : 0, by: 'git', warnings: [`${shown} is not UTF-8 text; git's line merge merged it.`] };
  }
  const merged = mergePlans(texts[0]!, texts[1]!, texts[2]!, { parse: parseOptions(root, warnings), labels });
  if (merged.text !== texts[1]) writeFileAtomic(oursFile, merged.text);
  return { path: shown, conflicts: merged.conflicts, by: 'sections', warnings };
}

/** The section aliases and custom sections of execplan.json; the defaults (and a warning) when it cannot be read. */
function parseOptions(root: string, warnings: string[]): ParseOptions {
  try {
    return parseOptionsFor(loadConfig(root).sections);
  } catch (err) {
    warnings.push(`${(err as Error).message} The merge used the default section names.`);
    return {};
  }
}
