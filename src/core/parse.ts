/**
 * Parse an ExecPlan's text into the plan model.
 *
 * markdown-it's block parser finds the structure (headings, lists, code) with line maps; the model's
 * offsets are computed on the original text, so every range slices back to the exact bytes. Each
 * construct has its own handler under parse/: front matter, the outer fence, the outline (title,
 * sections, preamble), entry lists (Progress and the logs), milestones. The parser never throws on
 * user content: what it cannot make sense of becomes a diagnostic.
 */
import { readBlocks } from './block-parser.js';
import { findConflictMarkers, markerLines } from './conflict-markers.js';
import { dominantEol, lineIndexAt } from './lines.js';
import { OPENING_FIELD } from './log-entries.js';
import { collectBlocks } from './parse/blocks.js';
import { makeDoc } from './parse/doc.js';
import { readLog, readProgress, sectionItems } from './parse/entries.js';
import { readFrontMatter } from './parse/front-matter.js';
import { readGoal } from './parse/goal.js';
import { readMilestones } from './parse/milestones.js';
import { readOuterFence } from './parse/outer-fence.js';
import { readOutline } from './parse/outline.js';
import { readStanding } from './parse/standing.js';
import { readTasks } from './parse/tasks.js';
import { headingMatcher, sectionSpec } from './sections.js';
import type { CodeBlock, ParseDiagnostic, ParseOptions, Plan, Section } from './types.js';

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
  const doc = makeDoc(source);
  const { lines, lineStarts } = doc;
  const diagnostics: ParseDiagnostic[] = [];
  // Lines markdown-it must not see: front matter, an outer fence and conflict markers.
  const hidden: number[] = [];

  const conflictMarkers = findConflictMarkers(source);
  if (conflictMarkers.length) {
    diagnostics.push({
      code: 'conflict-markers',
      message: `Unresolved merge conflict markers at ${conflictMarkers.length > 1 ? 'lines' : 'line'} ${markerLines(conflictMarkers)}.`,
      line: conflictMarkers[0]!.line,
    });
    for (const m of conflictMarkers) hidden.push(m.line - 1);
  }

  const frontMatter = readFrontMatter(doc, diagnostics);
  if (frontMatter) for (let i = frontMatter.line - 1; i < frontMatter.endLine; i++) hidden.push(i);
  const fmEnd = frontMatter ? frontMatter.endLine : 0;

  const outerFence = readOuterFence(doc, fmEnd, diagnostics);
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
  const text = visible === lines && !doc.bom && !source.includes('\r') ? source : visible.join('\n');
  const read = readBlocks(text);
  if (read.cuts.length) {
    const [from, to] = read.cuts[0]!;
    const more = read.cuts.length > 1 ? ` (and ${read.cuts.length - 1} more ${read.cuts.length > 2 ? 'places' : 'place'} after it)` : '';
    diagnostics.push({
      code: 'nesting-too-deep',
      message: `Lists or quotes are nested too deep to read at line ${from + 1}: ${to - from > 1 ? `lines ${from + 1} to ${to}` : `line ${from + 1}`} could not be read${more}.`,
      line: from + 1,
    });
  }
  // Trailing blank lines are judged on what markdown-it saw: a blanked outer fence line ends an item too.
  const blocks = collectBlocks(read.tokens, visible);

  const outline = readOutline(doc, blocks.headings, blocks.paragraphs, matcherFor(options), contentEnd, fmEnd, diagnostics);
  const { sections } = outline;
  const sectionAtLine = (line0: number): Section | undefined => {
    let found: Section | undefined;
    for (const s of sections) {
      if (s.line - 1 <= line0) found = s;
      else break;
    }
    return found && doc.offsetOf(line0) < found.bodyEnd ? found : undefined;
  };
  const firstOf = (key: string) => sections.find((s) => s.key === key);
  const log = (key: 'decisions' | 'surprises' | 'outcomes') => {
    const section = firstOf(key);
    return readLog(doc, section, sectionItems(doc, section, blocks), blocks, OPENING_FIELD[key]);
  };
  const progressSection = firstOf('progress');

  const codeBlocks: CodeBlock[] = blocks.code.map((c) => ({
    kind: c.kind,
    info: c.info,
    content: c.content,
    line: c.first + 1,
    endLine: c.last + 1,
    section: sectionAtLine(c.first)?.key ?? null,
  }));

  const milestones = readMilestones(doc, blocks.headings, outline.matched, outline.titleIdx, outline.sectionHeads, sectionAtLine, contentEnd);
  // A goal line and tasks elsewhere stand in for a Purpose and a Progress the plan has not written.
  const purposeSection = firstOf('purpose');
  const goal = hasText(doc, purposeSection, sectionSpec('purpose')?.guidance) ? undefined : readGoal(doc, blocks, sections, milestones, blocks.code, contentEnd);
  const progress = readProgress(doc, progressSection, sectionItems(doc, progressSection, blocks));

  const plan: Plan = {
    source,
    bom: doc.bom,
    eol: dominantEol(source),
    finalNewline: /[\r\n]$/.test(source),
    lineStarts,
    ...(frontMatter ? { frontMatter } : {}),
    ...(outerFence ? { outerFence } : {}),
    ...(outline.title ? { title: outline.title } : {}),
    ...(outline.preamble ? { preamble: outline.preamble } : {}),
    introEnd: outline.introEnd,
    contentEnd,
    sectionLevel: outline.sectionLevel,
    sections,
    progress,
    ...(goal ? { goal } : {}),
    standing: readStanding(doc, blocks.headings, outline.titleIdx, sections, milestones, contentEnd),
    decisions: log('decisions'),
    surprises: log('surprises'),
    outcomes: log('outcomes'),
    milestones,
    codeBlocks,
    conflictMarkers,
    diagnostics,
    // Checkboxes elsewhere are read only when Progress has none: they stand in for it then.
    tasks: progress.length ? [] : readTasks(doc, blocks, progressSection, outline.title?.line),
  };
  return plan;
}

/** Whether a section holds anything but blank lines, comments and the skeleton's guidance sentence. */
function hasText(doc: ReturnType<typeof makeDoc>, section: Section | undefined, guidance: string | undefined): boolean {
  if (!section) return false;
  for (let l = section.line; l < doc.lines.length && doc.offsetOf(l) < section.bodyEnd; l++) {
    const t = doc.lines[l]!.trim();
    if (t && t !== guidance && !t.startsWith('<!--')) return true;
  }
  return false;
}
