/**
 * Three-way merge of a plan, section by section: the living sections (and the evidence links of
 * Artifacts and Notes) entry by entry, everything else line by line as git's own merge does. Ours
 * is the text the result is built on: bytes nobody changed stay as ours has them.
 */
import { parsePlan } from '../parse.js';
import type { ParseOptions, Plan } from '../types.js';
import { ENTRY_SECTIONS, entryBody, type EntryBody, type EntrySectionKey } from './entries.js';
import { mergeEntryBodies } from './entry-merge.js';
import { mergeText, type MergeLabels } from './text.js';

/** The result of merging a plan. */
export interface PlanMerge {
  text: string;
  /** Conflict blocks written with markers; 0 when the merge is clean. */
  conflicts: number;
}

const DEFAULT_LABELS: MergeLabels = { ours: 'ours', theirs: 'theirs' };

/** Merge `ours` and `theirs`, two versions of a plan that both come from `base`. */
export function mergePlans(base: string, ours: string, theirs: string, options: { parse?: ParseOptions; labels?: MergeLabels } = {}): PlanMerge {
  if (ours === theirs || base === theirs) return { text: ours, conflicts: 0 };
  if (base === ours) return { text: theirs, conflicts: 0 };
  const labels = options.labels ?? DEFAULT_LABELS;
  const plans = [base, ours, theirs].map((t) => parsePlan(t, options.parse ?? {})) as [Plan, Plan, Plan];
  const eol = plans[1].eol;
  const bodies = plans.map((p) => sectionBodies(p));
  // Each living section's body stands as one line of its own while the rest is merged, so the
  // rest merges as git would and the bodies are merged entry by entry in their place.
  const token = (key: string, side: string) => `\u0000execplan-merge:${key}:${side}\u0000\n`;
  const replacements = new Map<string, string>();
  let conflicts = 0;
  const cuts: { start: number; end: number; text: string }[][] = [[], [], []];
  for (const key of ENTRY_SECTIONS) {
    const [bo, ba, bt] = bodies.map((b) => b.get(key));
    const sides = [bo, ba, bt];
    const names = ['base', 'ours', 'theirs'];
    // A section one side dropped while the other changed it must not vanish quietly: the changed
    // body gets a token of its own, so the line merge sees a conflict there.
    const changedAlone = (i: number) => Boolean(sides[i] && bo && !sides[3 - i] && sides[i]!.raw !== bo.raw);
    sides.forEach((s, i) => {
      if (!s) return;
      const side = i > 0 && changedAlone(i) ? names[i]! : 'merged';
      cuts[i]!.push({ start: s.start, end: s.end, text: token(key, side) });
      if (side !== 'merged') replacements.set(token(key, side), s.raw);
    });
    if (ba || bt) {
      const empty: EntryBody = { head: '', entries: [], tail: '' };
      const m = mergeEntryBodies(bo?.body ?? empty, ba?.body ?? bt!.body, bt?.body ?? ba!.body, labels, eol);
      conflicts += m.conflicts;
      replacements.set(token(key, 'merged'), m.text);
    }
  }
  const skeletons = plans.map((p, i) => {
    let t = p.source;
    for (const c of cuts[i]!.sort((x, y) => y.start - x.start)) t = t.slice(0, c.start) + c.text + t.slice(c.end);
    return t;
  });
  const merged = mergeText(skeletons[0]!, skeletons[1]!, skeletons[2]!, labels, eol, newSectionsOnBothSides);
  conflicts += merged.conflicts;
  let text = merged.text;
  for (const [tok, body] of replacements) text = text.split(tok).join(body);
  return { text, conflicts };
}

/**
 * Both sides added sections at the same place (ours Progress, theirs Progress and the Decision
 * Log): each living section once, ours first, its body merged entry by entry like any other. New
 * sections of other kinds that differ are a true conflict.
 */
function newSectionsOnBothSides(region: { a: string[]; o: string[]; b: string[] }): string | undefined {
  if (region.o.length) return undefined;
  const blocks = (lines: string[]) => {
    const out: { text: string; token?: string }[] = [];
    let lead = '';
    for (const line of lines) {
      if (/^#{1,6}[ \t]/.test(line)) out.push({ text: lead + line });
      else if (!out.length) {
        if (line.trim()) return undefined;
        lead += line;
        continue;
      } else out[out.length - 1]!.text += line;
      lead = '';
      if (line.startsWith('\u0000execplan-merge:')) out[out.length - 1]!.token = line;
    }
    return out.length ? out : undefined;
  };
  const [ba, bb] = [blocks(region.a), blocks(region.b)];
  if (!ba || !bb) return undefined;
  const texts = new Set(ba.map((x) => x.text));
  const tokens = new Set(ba.map((x) => x.token).filter(Boolean));
  const theirs = bb.filter((x) => !texts.has(x.text) && !(x.token && tokens.has(x.token)));
  if ([...ba, ...theirs].some((x) => !x.token && !bb.some((y) => y.text === x.text) && !texts.has(x.text))) return undefined;
  if (theirs.some((x) => !x.token)) return undefined;
  return ba.map((x) => x.text).join('') + theirs.map((x) => x.text).join('');
}

interface BodyOf {
  start: number;
  end: number;
  raw: string;
  body: EntryBody;
}

/** The bodies of the sections merged entry by entry, the first section of each key only. */
function sectionBodies(plan: Plan): Map<EntrySectionKey, BodyOf> {
  const out = new Map<EntrySectionKey, BodyOf>();
  for (const key of ENTRY_SECTIONS) {
    const section = plan.sections.find((s) => s.key === key);
    if (!section) continue;
    out.set(key, { start: section.bodyStart, end: section.bodyEnd, raw: plan.source.slice(section.bodyStart, section.bodyEnd), body: entryBody(plan, section, key) });
  }
  return out;
}
