/** The plan's outline: its title, the level its sections are written at, its sections and its preamble. */
import { headingMatcher, normalizeHeading, sectionSpec, type HeadingResult } from '../sections.js';
import { lineIndexAt } from '../lines.js';
import type { ParseDiagnostic, Plan, Section } from '../types.js';
import type { HeadingBlock, ParagraphBlock } from './blocks.js';
import { lineStart, type Doc } from './doc.js';

/** The sentence that says a plan is a living document: the skeleton's, or the author's own ("This document is live"). */
const LIVING = /living[\s-]+document|\b(?:document|plan|execplan) is (?:a )?live\b/i;
// The same sentence in the other languages plans are written in.
const LIVING_INTL = /生きた(?:ドキュメント|文書)|活(?:的)?文档|动态文档|持续更新的文档|살아\s?있는 문서|documento vivo|document vivant|lebendes dokument|живой документ/i;
// Or, in any language, a paragraph that names the living sections to keep current (`Progress`, `Decision Log`, ...).
const LIVING_NAMES = [/\bProgress\b/, /\bSurprises (?:&|and) Discoveries\b/i, /\bDecision Log\b/i, /\bOutcomes (?:&|and) Retrospective\b/i];
const saysLiving = (text: string) => LIVING.test(text) || LIVING_INTL.test(text) || LIVING_NAMES.filter((n) => n.test(text)).length >= 3;

/** A milestone or phase heading: `Milestone 1`, `Phase 2`, `M3`, `Fase 1`, `里程碑`. */
export const MILESTONE = /^(?:(?:milestone|phase|stage|fase|hito|étape|etapa|этап|фаза)(?![\p{L}])|m\d+(?:\.\d+)?\b|step \d+|里程碑|阶段|フェーズ)/iu;

/**
 * One-word headings that, one level below a section of another kind, are that section's own
 * parts (`## Phase 0` / `### Goal`, `## Milestone 2` / `### Validation`), not the plan's sections.
 */
const PART_WORDS = new Set([
  'goal', 'goals', 'objective', 'objectives', '目标', '目的', 'purpose', 'scope', 'steps', 'notes', 'context', 'orientation',
  'validation', 'acceptance', 'acceptance criteria', 'recovery', 'dependencies', 'interfaces', 'artifacts',
  'outcome', 'outcomes', 'decisions', 'discoveries', 'surprises', 'retrospective',
]);

/** What the outline handler finds. */
export interface Outline {
  titleIdx: number;
  title?: Plan['title'];
  sectionLevel: number;
  /** Indexes into the headings of the ones that start sections. */
  sectionHeads: number[];
  sections: Section[];
  matched: (HeadingResult | null)[];
  preamble?: Plan['preamble'];
  introEnd: number;
}

/** Read the outline from the headings; `contentEnd` is where the plan's content stops, `fmEnd` the line after the front matter. */
export function readOutline(
  doc: Doc,
  headings: HeadingBlock[],
  paragraphs: ParagraphBlock[],
  match: ReturnType<typeof headingMatcher>,
  contentEnd: number,
  fmEnd: number,
  diagnostics: ParseDiagnostic[],
): Outline {
  const matched = headings.map((h) => match(h.text));
  // A synonym ("Testing Approach") names a section only when the plan has that section under no other
  // name, and only its first such heading does.
  const named = new Set(matched.filter((m) => m && !m.synonym).map((m) => m!.key));
  matched.forEach((m, i) => {
    if (!m?.synonym) return;
    if (named.has(m.key)) matched[i] = null;
    else named.add(m.key);
  });
  // The title: the first H1 that is not itself a section heading.
  let titleIdx = headings.findIndex((h, i) => h.level === 1 && !matched[i]);
  if (titleIdx > 0 && headings.slice(0, titleIdx).some((_h, i) => matched[i])) titleIdx = -1;
  if (titleIdx === -1) diagnostics.push({ code: 'no-title', message: 'No H1 title found.', line: (headings[0]?.first ?? fmEnd) + 1 });
  const extraH1 = headings.filter((h, i) => i !== titleIdx && h.level === 1 && !matched[i]);
  if (titleIdx !== -1 && extraH1.length) {
    diagnostics.push({ code: 'multiple-titles', message: `More than one H1 title: a second one at line ${extraH1[0]!.first + 1}.`, line: extraH1[0]!.first + 1 });
  }

  const parents = parentsOf(headings);
  const sectionLevel = pickSectionLevel(headings, matched.map((m, i) => (isPart(headings, matched, parents, titleIdx, i) ? null : m)), titleIdx);
  const sectionHeads = pickSectionHeads(headings, matched, titleIdx, sectionLevel);
  const sections = sectionHeads.map((hi, k) => buildSection(doc, headings, matched, sectionHeads, hi, k, contentEnd));
  reportDuplicates(sections, headings, sectionHeads, titleIdx, sectionLevel, diagnostics);

  let title: Plan['title'];
  if (titleIdx !== -1) {
    const h = headings[titleIdx]!;
    title = { text: h.text, level: 1, range: { start: lineStart(doc, h.first), end: doc.endOf(h.last) }, line: h.first + 1 };
  }
  const introStart = title ? doc.offsetOf(headings[titleIdx]!.last + 1) : doc.offsetOf(fmEnd);
  const introEnd = sections[0] ? doc.offsetOf(sections[0].line - 1) : contentEnd;
  let preamble: Plan['preamble'];
  for (const p of paragraphs) {
    const start = doc.offsetOf(p.first);
    if (start < introStart || start >= introEnd) continue;
    if (saysLiving(p.text)) {
      preamble = { text: p.text, range: { start: lineStart(doc, p.first), end: doc.endOf(p.last) }, line: p.first + 1 };
      break;
    }
  }
  return { titleIdx, ...(title ? { title } : {}), sectionLevel, sectionHeads, sections, matched, ...(preamble ? { preamble } : {}), introEnd };
}

/**
 * A known heading that is a part of the heading above it (`## Phase 0` / `### Goal`): a one-word
 * name under a shallower heading of another kind. It does not say at which level the plan writes
 * its sections.
 */
function isPart(headings: HeadingBlock[], matched: (HeadingResult | null)[], parents: number[], titleIdx: number, i: number): boolean {
  const m = matched[i];
  const parent = parents[i]!;
  if (!m || m.match === 'exact' || parent === -1 || parent === titleIdx || matched[parent]) return false;
  return PART_WORDS.has(normalizeHeading(headings[i]!.text));
}

/** For each heading, the index of the nearest heading above it at a shallower level (-1 for none). */
function parentsOf(headings: HeadingBlock[]): number[] {
  const stack: number[] = [];
  return headings.map((h, i) => {
    while (stack.length && headings[stack[stack.length - 1]!]!.level >= h.level) stack.pop();
    const parent = stack[stack.length - 1] ?? -1;
    stack.push(i);
    return parent;
  });
}

function pickSectionLevel(headings: HeadingBlock[], matched: (HeadingResult | null)[], titleIdx: number): number {
  // The shallowest level that holds at least two known sections (one when the plan has only one).
  const counts = new Map<number, number>();
  headings.forEach((h, i) => {
    if (i !== titleIdx && matched[i] && h.level <= 3) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
  });
  const levels = [...counts].sort((a, b) => a[0] - b[0]);
  const level = levels.find(([, c]) => c >= 2)?.[0] ?? levels[0]?.[0];
  if (level) return level;
  const others = headings.filter((_, i) => i !== titleIdx).map((h) => h.level);
  return others.includes(2) || !others.length ? 2 : others.reduce((a, b) => Math.min(a, b));
}

/**
 * Headings at the section level start sections; a known section one level deeper does too when the
 * plan has no such section at its level, unless it is a part of the section it stands in (a
 * one-word `### Goal` or `### Validation` under `## Phase 0`).
 */
function pickSectionHeads(headings: HeadingBlock[], matched: (HeadingResult | null)[], titleIdx: number, sectionLevel: number): number[] {
  const heads: number[] = [];
  const seen = new Set<string>();
  headings.forEach((h, i) => {
    if (i === titleIdx || h.level > sectionLevel) return;
    heads.push(i);
    const m = matched[i];
    if (m) seen.add(m.key);
  });
  let parent = -1;
  headings.forEach((h, i) => {
    if (i !== titleIdx && h.level <= sectionLevel) parent = i;
    const m = matched[i];
    if (i === titleIdx || !m || h.level !== sectionLevel + 1 || seen.has(m.key)) return;
    const enclosing = parent === -1 ? undefined : headings[parent]!;
    if (enclosing && !matched[parent] && m.match !== 'exact' && PART_WORDS.has(normalizeHeading(h.text))) return;
    heads.push(i);
    seen.add(m.key);
  });
  return heads.sort((a, b) => a - b);
}

function buildSection(doc: Doc, headings: HeadingBlock[], matched: (HeadingResult | null)[], heads: number[], hi: number, k: number, contentEnd: number): Section {
  const h = headings[hi]!;
  const m = matched[hi] ?? null;
  const nextHead = heads[k + 1];
  const bodyEnd = nextHead !== undefined ? doc.offsetOf(headings[nextHead]!.first) : contentEnd;
  const bodyStart = Math.min(doc.offsetOf(h.last + 1), bodyEnd);
  const endLine = Math.max(h.last + 1, lineIndexAt(doc.lineStarts, Math.max(bodyEnd - 1, 0)) + 1);
  return {
    key: m?.key ?? null,
    heading: h.text,
    match: m?.match ?? null,
    level: h.level,
    headingRange: { start: lineStart(doc, h.first), end: doc.endOf(h.last) },
    bodyStart,
    bodyEnd,
    line: h.first + 1,
    endLine: nextHead !== undefined || contentEnd === doc.source.length ? endLine : Math.min(endLine, lineIndexAt(doc.lineStarts, contentEnd)),
  };
}

/**
 * A known section written twice, named by what it is and where both copies are. Sections under
 * different parts of a document (`## Run 4` / `### Decision log`, `## Run 5` / `### Decision log`)
 * belong to those parts and are not duplicates.
 */
function reportDuplicates(sections: Section[], headings: HeadingBlock[], heads: number[], titleIdx: number, sectionLevel: number, diagnostics: ParseDiagnostic[]): void {
  const first = new Map<string, Section>();
  sections.forEach((s, k) => {
    const h = headings[heads[k]!]!;
    if (heads[k] !== titleIdx && h.level < sectionLevel && !s.key) {
      first.clear();
      return;
    }
    if (!s.key) return;
    const prev = first.get(s.key);
    if (!prev) {
      first.set(s.key, s);
      return;
    }
    const name = sectionSpec(s.key)?.title ?? s.key;
    diagnostics.push({ code: 'duplicate-section', message: `The ${name} section is written again as "${s.heading}" at line ${s.line}, after "${prev.heading}" at line ${prev.line}.`, line: s.line });
  });
}
