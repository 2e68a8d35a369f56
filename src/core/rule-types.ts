/** What a lint rule is and what it is given: a pure context, no I/O, the clock passed in. */
import type { Edit } from './apply-edits.js';
import type { RuleMeta } from './diagnostic.js';
import type { PlanLine } from './plan-lines.js';
import type { HistoryCommit } from './drift.js';
import type { Plan } from './types.js';

/** The workspace's section settings (the shape of `Config['sections']`). */
export interface SectionSettings {
  /** Section keys every plan must have. */
  required: string[];
  /** Expected order of the sections, canonical and custom keys. */
  order: string[];
  /** Extra heading spellings per key, accepted as written. */
  aliases: Record<string, string[]>;
  /** Sections the team added to the skeleton. */
  custom: { key: string; title: string; aliases?: string[]; guidance?: string }[];
}

/** Everything a rule sees that does not depend on the rule: the file, the settings, the clock. */
export interface LintContextBase {
  /** The plan's path, repository-relative with `/`, and its base name. */
  file: { path: string; name: string };
  sections: SectionSettings;
  timestampStyle: 'local' | 'utc';
  /**
   * True when the configuration does not set the style: a plan is then held to the style its own
   * Progress timestamps use, the one edits write in, and `timestampStyle` only where it has none.
   */
  timestampStyleFromPlan?: boolean;
  /** The clock, passed in. */
  now: Date;
  /** Minutes east of UTC of the local zone, for `local` timestamps. */
  tzOffsetMinutes: number;
  /**
   * The plan's artifacts folder (repository-relative) and whether it exists; absent when unknown.
   * `creatable: false` when no folder can be made under that name (the plan id is not a safe name).
   */
  artifacts?: { path: string; exists: boolean; creatable?: boolean };
  /** Whether a repository-relative path exists; the workspace supplies it, tests pass a fake. */
  exists: (repoRelativePath: string) => boolean;
  /**
   * Recent git history, newest commit first, back to the last commit of every plan linted; absent
   * outside git or when no rule needs it.
   */
  history?: readonly HistoryCommit[];
}

/** What a rule reports: one sentence and a precise position; a fix when one is safe. */
export interface Report {
  message: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Range edits on the original text. */
  fix?: Edit[];
  /** A folder to create (repository-relative): a fix outside the text, which the command line makes. */
  createFolder?: string;
}

/** The context one rule runs in. */
export interface RuleContext extends LintContextBase {
  plan: Plan;
  /** Every line of the plan, classified (prose, code, meta); computed once per plan and shared by its rules. */
  readonly lines: readonly PlanLine[];
  /** The rule's options: its defaults merged with the configured ones. */
  options: Record<string, unknown>;
  report: (finding: Report) => void;
}

/** A lint rule: data plus one function. `check` reports; it never mutates the plan. */
export interface Rule {
  meta: RuleMeta;
  check: (ctx: RuleContext) => void;
}
