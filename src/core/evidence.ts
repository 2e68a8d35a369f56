/**
 * Evidence a done Progress item cites: `(evidence: [transcript](artifacts/<id>/<file>.log))` or
 * `(evidence: commit 1a2b3c4d5e6f)`, as `progress done --evidence` writes it. Pure.
 */
import type { Edit } from './apply-edits.js';
import type { PlanChange } from './edits/context.js';
import type { ProgressItem } from './types.js';

/** What a done item cites: transcripts (link targets ending in `.log`) and commits. */
export interface CitedEvidence {
  transcripts: string[];
  commits: string[];
}

// Linear: each quantifier is followed by a character it cannot match.
const LINK = /\]\(([^()\s]{1,500}\.log)\)/g;
const COMMIT = /\bcommit ([0-9a-f]{7,40})\b/gi;

/** The evidence an item's text cites. */
export function citedEvidence(text: string): CitedEvidence {
  return { transcripts: [...text.matchAll(LINK)].map((m) => m[1]!), commits: [...text.matchAll(COMMIT)].map((m) => m[1]!.toLowerCase()) };
}

/** The words `--evidence` adds to an item: a transcript link or a commit. */
export function evidenceText(e: { transcript: string } | { commit: string }): string {
  return 'transcript' in e ? `(evidence: [transcript](${e.transcript}))` : `(evidence: commit ${e.commit})`;
}

/**
 * `done` with evidence: the change that ticks the item, plus the evidence at the end of the item's
 * last line, unless the item already cites it.
 */
export function withEvidence(source: string, done: PlanChange, item: ProgressItem, words: string): PlanChange {
  if (source.slice(item.range.start, item.range.end).includes(words)) return done;
  const edit: Edit = { start: item.range.end, end: item.range.end, text: ` ${words}` };
  return { ...done, edits: [...done.edits, edit], entry: `${done.entry} ${words}`, summary: `${done.summary.replace(/; nothing changed\.$/, '.')} Cited ${words.slice(1, -1)}.` };
}
