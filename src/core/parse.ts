/**
 * Parse an ExecPlan's text into the plan model.
 *
 * markdown-it's block parser finds the structure (headings, lists, code) with line maps; the model's
 * offsets are computed on the original text, so every range slices back to the exact bytes. The
 * parser never throws on user content: what it cannot make sense of becomes a diagnostic.
 */
import type { Token } from 'markdown-it';
import { parseBlocks } from './block-parser.js';
import { computeLineStarts, dominantEol, lineEndOffset, lineIndexAt } from './lines.js';
import { headingMatcher, normalizeHeading } from './sections.js';
import { readLeadingTimestamp, readTrailingTimestamp } from './timestamps.js';
import type {
  CodeBlock,
  EntryField,
  FrontMatter,
  ItemState,
  LogEntry,
  Milestone,
  OuterFence,
  ParseDiagnostic,
  ParseOptions,
  Plan,
  ProgressItem,
  Section,
} from './types.js';

/** The sentence that says a plan is a living document: the skeleton's, or the author's own ("This document is live"). */
const LIVING = /living[\s-]+document|\b(?:document|plan|execplan) is (?:a )?live\b/i;

interface Heading {
  level: number;
  text: string;
  /** 0-based first and last line. */
  first: number;
  last: number;
}

interface ListItem {
  first: number;
  /** 0-based line after the item's own lines (before any nested list). */
  ownEnd: number;
  /** 0-based line after the item with its nested lists. */
  end: number;
  depth: number;
  marker: string;
}

const CHECKBOX = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX~\-/])\](?=[ \t]|$)[ \t]?/;
const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
// A field label, optionally in bold (`**Decision:**`, `**Decision**:`, `__Decision__:`), then its value.
const FIELD = /^(?:\*\*|__)?(decision|rationale|date\s*\/\s*author|date|author|observation|evidence|consequences?|alternatives?(?: considered)?|status)\s*(?:(?:\*\*|__)\s*)?:\s*(?:(?:\*\*|__)\s*)?(?!\s)(.*)$/i;
const MILESTONE = /^(?:(?:milestone|phase|stage|fase|hito)(?![a-z])|m\d+(?:\.\d+)?\b|step \d+|里程碑|阶段)/i;

// Building a matcher normalises every alias; plans parsed with the same options share one.
const matchers = new WeakMap<ParseOptions, ReturnType<typeof headingMatcher>>();
const defaultMatcher = headingMatcher({});
function matcherFor(options: ParseOptions): ReturnType<typeof headingMatcher> {
  if (!Object.keys(options.aliases ?? {}).length && !options.customSections?.length) return defaultMatcher;
  let m = matchers.get(options);
  if (!m) matchers.set(options, (m = headingMatcher(options)));
  return m;
}

/** Parse a plan. Never throws on user content. */
export function parsePlan(source: string, options: ParseOptions = {}): Plan {
  const lineStarts = computeLineStarts(source);
  const bom = source.charCodeAt(0) === 0xfeff;
  const diagnostics: ParseDiagnostic[] = [];
  const lines: string[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]! + (i === 0 && bom ? 1 : 0);
    lines.push(source.slice(start, lineEndOffset(source, lineStarts, i)));
  }
  const offsetOf = (line: number) => lineStarts[line] ?? source.length;
  const endOf = (line: number) => lineEndOffset(source, lineStarts, line);
  // Lines markdown-it must not see: front matter and an outer fence.
  const hidden: number[] = [];

  const frontMatter = readFrontMatter(lines, source, offsetOf, endOf, bom, diagnostics);
  if (frontMatter) for (let i = frontMatter.line - 1; i < frontMatter.endLine; i++) hidden.push(i);
  const fmEnd = frontMatter ? frontMatter.endLine : 0;

  const outerFence = readOuterFence(lines, fmEnd, offsetOf, endOf, diagnostics);
  let contentEnd = source.length;
  if (outerFence) {
    hidden.push(lineIndexAt(lineStarts, outerFence.open.start));
    if (outerFence.close) {
      hidden.push(lineIndexAt(lineStarts, outerFence.close.start));
      contentEnd = outerFence.close.start;
    }
  }

  // What markdown-it sees: the same lines joined with `\n`, the hidden ones blank. For an LF file
  // with nothing hidden and no BOM that is the source itself, so it is not rebuilt.
  let visible = lines;
  if (hidden.length) {
    visible = lines.slice();
    for (const i of hidden) visible[i] = '';
  }
  const text = visible === lines && !bom && !source.includes('\r') ? source : visible.join('\n');
  // CommonMark with tables: plans use them, and a table must not be read as a paragraph.
  const tokens = parseBlocks(text);

  const headings: Heading[] = [];
  const items: ListItem[] = [];
  const paragraphs: { first: number; last: number; text: string }[] = [];
  const codeRaw: { kind: 'fence' | 'indented'; info: string; content: string; first: number; last: number }[] = [];
  // Trailing blank lines are judged on what markdown-it saw: a blanked outer fence line ends an item too.
  collect(tokens, headings, items, paragraphs, codeRaw, visible);

  const match = matcherFor(options);
  const matched = headings.map((h) => match(h.text));

  // The title: the first H1 that is not itself a section heading.
  let titleIdx = headings.findIndex((h, i) => h.level === 1 && !matched[i]);
  if (titleIdx > 0 && headings.slice(0, titleIdx).some((_h, i) => matched[i])) titleIdx = -1;
  if (titleIdx === -1) diagnostics.push({ code: 'no-title', message: 'No H1 title found.', line: (headings[0]?.first ?? fmEnd) + 1 });
  const extraH1 = headings.filter((h, i) => i !== titleIdx && h.level === 1 && !matched[i]);
  if (titleIdx !== -1 && extraH1.length) {
    diagnostics.push({ code: 'multiple-titles', message: `More than one H1 title: a second one at line ${extraH1[0]!.first + 1}.`, line: extraH1[0]!.first + 1 });
  }

  const sectionLevel = pickSectionLevel(headings, matched, titleIdx);
  const sectionHeads: number[] = [];
  const seenKeys = new Set<string>();
  headings.forEach((h, i) => {
    if (i === titleIdx) return;
    const m = matched[i];
    if (h.level <= sectionLevel) {
      sectionHeads.push(i);
      if (m) seenKeys.add(m.key);
    }
  });
  // Canonical sections one level deeper count when the plan has no such section at its section level.
  headings.forEach((h, i) => {
    const m = matched[i];
    if (i !== titleIdx && m && h.level === sectionLevel + 1 && !seenKeys.has(m.key)) {
      sectionHeads.push(i);
      seenKeys.add(m.key);
    }
  });
  sectionHeads.sort((a, b) => a - b);

  const sections: Section[] = sectionHeads.map((hi, k) => {
    const h = headings[hi]!;
    const m = matched[hi] ?? null;
    const nextHead = sectionHeads[k + 1];
    const bodyEnd = nextHead !== undefined ? offsetOf(headings[nextHead]!.first) : contentEnd;
    const bodyStart = Math.min(offsetOf(h.last + 1), bodyEnd);
    const endLine = Math.max(h.last + 1, lineIndexAt(lineStarts, Math.max(bodyEnd - 1, 0)) + 1);
    return {
      key: m?.key ?? null,
      heading: h.text,
      match: m?.match ?? null,
      level: h.level,
      headingRange: { start: offsetOf(h.first) + (h.first === 0 && bom ? 1 : 0), end: endOf(h.last) },
      bodyStart,
      bodyEnd,
      line: h.first + 1,
      endLine: nextHead !== undefined || contentEnd === source.length ? endLine : Math.min(endLine, lineIndexAt(lineStarts, contentEnd)),
    };
  });
  const dupes = new Set<string>();
  for (const s of sections) {
    if (!s.key) continue;
    if (dupes.has(s.key)) diagnostics.push({ code: 'duplicate-section', message: `Section "${s.heading}" appears more than once.`, line: s.line });
    dupes.add(s.key);
  }

  const sectionAtLine = (line0: number): Section | undefined => {
    let found: Section | undefined;
    for (const s of sections) {
      if (s.line - 1 <= line0) found = s;
      else break;
    }
    return found && offsetOf(line0) < found.bodyEnd ? found : undefined;
  };
  const firstOf = (key: string) => sections.find((s) => s.key === key);

  let title: Plan['title'];
  if (titleIdx !== -1) {
    const h = headings[titleIdx]!;
    title = { text: h.text, level: 1, range: { start: offsetOf(h.first) + (h.first === 0 && bom ? 1 : 0), end: endOf(h.last) }, line: h.first + 1 };
  }
  const introStart = title ? offsetOf(headings[titleIdx]!.last + 1) : offsetOf(fmEnd);
  const introEnd = sections[0] ? offsetOf(sections[0].line - 1) : contentEnd;
  let preamble: Plan['preamble'];
  for (const p of paragraphs) {
    const start = offsetOf(p.first);
    if (start < introStart || start >= introEnd) continue;
    if (LIVING.test(p.text)) {
      preamble = { text: p.text, range: { start: start + (p.first === 0 && bom ? 1 : 0), end: endOf(p.last) }, line: p.first + 1 };
      break;
    }
  }

  const progress = readProgress(firstOf('progress'), items, lines, offsetOf, endOf, lineStarts);
  const decisions = readLog(firstOf('decisions'), items, lines, offsetOf, endOf);
  const surprises = readLog(firstOf('surprises'), items, lines, offsetOf, endOf);
  const outcomes = readLog(firstOf('outcomes'), items, lines, offsetOf, endOf);

  const milestones: Milestone[] = [];
  // A section heading is the parent of every heading under it: normalise each text once.
  const normalized = new Map<string, string>();
  const normal = (text: string) => {
    let n = normalized.get(text);
    if (n === undefined) normalized.set(text, (n = normalizeHeading(text)));
    return n;
  };
  headings.forEach((h, i) => {
    if (i === titleIdx || matched[i]) return;
    const parent = sectionHeads.includes(i) ? undefined : sectionAtLine(h.first);
    const underMilestones = parent && parent.key === null && /^milestones?$/.test(normal(parent.heading));
    if (!MILESTONE.test(normal(h.text)) && !underMilestones) return;
    const endIdx = headings.findIndex((o, j) => j > i && o.level <= h.level);
    let bodyEnd = endIdx === -1 ? contentEnd : offsetOf(headings[endIdx]!.first);
    // A milestone inside a section ends with that section.
    if (parent && parent.bodyEnd < bodyEnd) bodyEnd = parent.bodyEnd;
    milestones.push({
      title: h.text,
      level: h.level,
      line: h.first + 1,
      headingRange: { start: offsetOf(h.first), end: endOf(h.last) },
      bodyEnd,
      endLine: lineIndexAt(lineStarts, Math.max(bodyEnd - 1, offsetOf(h.first))) + 1,
    });
  });

  const codeBlocks: CodeBlock[] = codeRaw.map((c) => ({
    kind: c.kind,
    info: c.info,
    content: c.content,
    line: c.first + 1,
    endLine: c.last + 1,
    section: sectionAtLine(c.first)?.key ?? null,
  }));

  return {
    source,
    bom,
    eol: dominantEol(source),
    finalNewline: /[\r\n]$/.test(source),
    lineStarts,
    ...(frontMatter ? { frontMatter } : {}),
    ...(outerFence ? { outerFence } : {}),
    ...(title ? { title } : {}),
    ...(preamble ? { preamble } : {}),
    introEnd,
    contentEnd,
    sectionLevel,
    sections,
    progress,
    decisions,
    surprises,
    outcomes,
    milestones,
    codeBlocks,
    diagnostics,
  };
}

/** Walk the block tokens once, keeping what the model needs. */
function collect(
  tokens: Token[],
  headings: Heading[],
  items: ListItem[],
  paragraphs: { first: number; last: number; text: string }[],
  code: { kind: 'fence' | 'indented'; info: string; content: string; first: number; last: number }[],
  lines: string[],
): void {
  const open: ListItem[] = [];
  let depth = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        const map = t.map ?? [0, 1];
        headings.push({ level: Number(t.tag.slice(1)), text: (inline?.content ?? '').trim(), first: map[0], last: map[1] - 1 });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        depth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        break;
      case 'list_item_open': {
        const map = t.map ?? [0, 1];
        const item: ListItem = { first: map[0], ownEnd: map[1], end: map[1], depth, marker: t.info ? t.info + t.markup : t.markup };
        // A nested list ends the parent's own lines.
        const parent = open[open.length - 1];
        if (parent && parent.ownEnd > map[0]) parent.ownEnd = map[0];
        open.push(item);
        items.push(item);
        break;
      }
      case 'list_item_close':
        open.pop();
        break;
      case 'paragraph_open': {
        const map = t.map ?? [0, 1];
        paragraphs.push({ first: map[0], last: map[1] - 1, text: tokens[i + 1]?.content ?? '' });
        break;
      }
      case 'fence':
      case 'code_block': {
        const map = t.map ?? [0, 1];
        code.push({ kind: t.type === 'fence' ? 'fence' : 'indented', info: t.info.trim(), content: t.content, first: map[0], last: map[1] - 1 });
        break;
      }
      default:
        break;
    }
  }
  // Trailing blank lines belong to the list, not the item.
  for (const it of items) {
    while (it.ownEnd - 1 > it.first && !lines[it.ownEnd - 1]?.trim()) it.ownEnd--;
    while (it.end - 1 > it.first && !lines[it.end - 1]?.trim()) it.end--;
  }
}

function pickSectionLevel(headings: Heading[], matched: (ReturnType<ReturnType<typeof headingMatcher>>)[], titleIdx: number): number {
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

function readFrontMatter(
  lines: string[],
  source: string,
  offsetOf: (l: number) => number,
  endOf: (l: number) => number,
  bom: boolean,
  diagnostics: ParseDiagnostic[],
): FrontMatter | undefined {
  const startOffset = bom ? 1 : 0;
  if (lines[0]?.trimEnd() === '---') {
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!.trimEnd();
      if (l === '---' || l === '...') {
        close = i;
        break;
      }
    }
    if (close === -1) {
      diagnostics.push({ code: 'front-matter-unclosed', message: 'Front matter opened with "---" on line 1 is never closed.', line: 1 });
      return undefined;
    }
    const keys = readKeys(lines.slice(1, close));
    const bad = lines.slice(1, close).some((l) => l.trim() && !/^\s/.test(l) && !/^#/.test(l) && !/^-\s/.test(l) && !/^[^:]+:(\s|$)/.test(l));
    if (bad) diagnostics.push({ code: 'front-matter-malformed', message: 'Front matter has lines that are not YAML keys.', line: 2 });
    return { raw: source.slice(startOffset, endOf(close)), range: { start: startOffset, end: endOf(close) }, line: 1, endLine: close + 1, malformed: bad, keys };
  }
  // YAML key lines with no opening `---`, closed by one: a known broken form.
  let i = 0;
  while (i < lines.length && /^[A-Za-z_][\w-]*:(\s|$)/.test(lines[i]!)) i++;
  if (i >= 2 && lines[i]?.trimEnd() === '---') {
    diagnostics.push({ code: 'front-matter-malformed', message: 'Front matter has no opening "---" line.', line: 1 });
    void offsetOf;
    return { raw: source.slice(startOffset, endOf(i)), range: { start: startOffset, end: endOf(i) }, line: 1, endLine: i + 1, malformed: true, keys: readKeys(lines.slice(0, i)) };
  }
  return undefined;
}

function readKeys(lines: string[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const l of lines) {
    const m = /^([A-Za-z_][\w-]*):(.*)$/.exec(l);
    if (m) keys[m[1]!] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return keys;
}

function readOuterFence(
  lines: string[],
  from: number,
  offsetOf: (l: number) => number,
  endOf: (l: number) => number,
  diagnostics: ParseDiagnostic[],
): OuterFence | undefined {
  let first = from;
  while (first < lines.length && !lines[first]!.trim()) first++;
  const open = /^(`{3,}|~{3,})[ \t]*(md|markdown)[ \t]*$/i.exec(lines[first] ?? '');
  if (!open) return undefined;
  let last = lines.length - 1;
  while (last > first && !lines[last]!.trim()) last--;
  const fenceChar = open[1]![0]!;
  const closeLine = lines[last]!.trim();
  const isClose = last > first && closeLine.length >= open[1]!.length && [...closeLine].every((c) => c === fenceChar);
  const fence: OuterFence = { open: { start: offsetOf(first), end: endOf(first) }, info: open[2]! };
  if (isClose) fence.close = { start: offsetOf(last), end: endOf(last) };
  else diagnostics.push({ code: 'outer-fence-unclosed', message: `The outer \`${open[1]}${open[2]}\` fence on line ${first + 1} is never closed.`, line: first + 1 });
  return fence;
}

function readProgress(
  section: Section | undefined,
  items: ListItem[],
  lines: string[],
  offsetOf: (l: number) => number,
  endOf: (l: number) => number,
  lineStarts: number[],
): ProgressItem[] {
  if (!section) return [];
  const out: ProgressItem[] = [];
  const first = section.line;
  const last = lineIndexAt(lineStarts, Math.max(section.bodyEnd - 1, 0));
  const inside = items.filter((it) => it.first >= first && it.first <= last && offsetOf(it.first) < section.bodyEnd);
  const minDepth = inside.reduce((min, it) => Math.min(min, it.depth), Infinity);
  for (const it of inside) {
    const line = lines[it.first]!;
    const m = CHECKBOX.exec(line);
    if (!m) continue;
    const [whole, indent, marker, , mark] = m as unknown as string[];
    const start = offsetOf(it.first);
    // Column of the content after the marker: continuation lines align here.
    const contentCol = indent!.length + marker!.length + (m[3]!.length > 4 ? 1 : m[3]!.length);
    const boxStart = start + indent!.length + marker!.length + m[3]!.length;
    const firstText = line.slice(whole!.length);
    const ownEnd = Math.max(it.first + 1, it.ownEnd);
    const continuation = lines.slice(it.first + 1, ownEnd).map((l) => l.trim()).filter(Boolean);
    let timestamp = readLeadingTimestamp(firstText, start + whole!.length);
    let body = firstText;
    if (timestamp) {
      body = firstText.slice(timestamp.range.end - (start + whole!.length));
      body = body.replace(/^\s*(?:[-–—:：]\s*)?/, '');
    } else {
      const lastLine = continuation.length ? lines[ownEnd - 1]! : firstText;
      const lastStart = continuation.length ? offsetOf(ownEnd - 1) : start + whole!.length;
      timestamp = readTrailingTimestamp(lastLine, lastStart);
    }
    const text = [body.trim(), ...continuation].filter(Boolean).join(' ');
    const state: ItemState = mark === 'x' || mark === 'X' ? 'done' : mark === ' ' ? 'todo' : 'partial';
    out.push({
      index: out.length + 1,
      state,
      mark: mark!,
      // A timestamp at the end leaves the text, with the emphasis around it (`*(2025-10-28)*`).
      text: timestamp?.place === 'end' ? text.slice(0, text.lastIndexOf(timestamp.raw)).replace(/[*_]{1,3}$/, '').trim() || text : text,
      ...(timestamp ? { timestamp } : {}),
      range: { start, end: endOf(ownEnd - 1) },
      boxRange: { start: boxStart, end: boxStart + 3 },
      marker: marker!,
      indent: indent!,
      contentIndent: ' '.repeat(contentCol),
      line: it.first + 1,
      endLine: ownEnd,
      depth: it.depth - minDepth,
    });
  }
  return out;
}

function readLog(
  section: Section | undefined,
  items: ListItem[],
  lines: string[],
  offsetOf: (l: number) => number,
  endOf: (l: number) => number,
): LogEntry[] {
  if (!section) return [];
  const inside = items.filter((it) => it.first >= section.line && offsetOf(it.first) < section.bodyEnd);
  if (!inside.length) return [];
  const minDepth = inside.reduce((min, it) => Math.min(min, it.depth), Infinity);
  return inside
    .filter((it) => it.depth === minDepth)
    .map((it) => {
      const end = Math.max(it.first + 1, it.end);
      const own = lines.slice(it.first, end);
      const m = ITEM.exec(own[0]!) ?? ['', '', '-', ' '];
      const contentCol = m[1]!.length + m[2]!.length + Math.min(Math.max(m[3]!.length, 1), 4);
      const fields: EntryField[] = [];
      own.forEach((l, k) => {
        // A leading timestamp (`- (2026-01-05 02:04Z) Observation: ...`) stands before the label, not in place of it.
        const stripped = (k === 0 ? l.slice(m[0]!.length) : l.trim().replace(/^[-*+][ \t]+/, ''))
          .trim()
          .replace(/^\(\d{4}-\d{2}-\d{2}[^)]*\)\s*(?:[-–—:]\s*)?/, '');
        const f = FIELD.exec(stripped);
        if (f) {
          fields.push({ name: normalizeField(f[1]!), label: f[1]!, value: f[2]!.trim(), line: it.first + k + 1 });
        } else if (fields.length && stripped && !/^[-*+]\s/.test(l.trim())) {
          // A wrapped value continues the field above it.
          const prev = fields[fields.length - 1]!;
          prev.value = `${prev.value} ${stripped}`.trim();
        }
      });
      return {
        text: [own[0]!.slice(m[0]!.length).trim(), ...own.slice(1).map((l) => l.trim())].filter(Boolean).join(' '),
        fields,
        range: { start: offsetOf(it.first), end: endOf(end - 1) },
        line: it.first + 1,
        endLine: end,
        marker: m[2]!,
        indent: m[1]!,
        contentIndent: ' '.repeat(contentCol),
      };
    });
}

function normalizeField(label: string): string {
  const l = label.toLowerCase().replace(/\s+/g, '');
  if (l === 'date/author') return 'date-author';
  if (l.startsWith('consequence')) return 'consequences';
  if (l.startsWith('alternative')) return 'alternatives';
  return l;
}
