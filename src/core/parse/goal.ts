/**
 * A goal line: `**Goal:** …`, `Objective: …`, `- Goal:` with a list under it, `目标：…`. Plans with no
 * Purpose section often state their purpose this way, in any of the languages they are written in.
 */
import type { Plan, Section } from '../types.js';
import type { Blocks } from './blocks.js';
import type { Doc } from './doc.js';

/** Labels that name a plan's goal. */
const GOAL_LABELS = [
  'Goal', 'Goals', 'Objective', 'Objectives', 'Aim', 'Mission', 'Big Picture',
  '目标', '目的', '目標', 'ゴール',
  'Objetivo', 'Objetivos', 'Meta', 'Metas',
  'Objectif', 'Objectifs',
  'Ziel', 'Ziele', 'Zweck',
  'Цель', 'Цели', 'Задача',
];
const ALT = GOAL_LABELS.map((l) => l.replace(/\s/g, '[ \\t]')).join('|');
// `**Goal:**`, `**Goal**:`, `Goal:`, `Objectif :`, `目标：`, after a list marker or a quote mark. One optional
// run of spaces between parts, so no part can be matched two ways.
const GOAL_LINE = new RegExp(
  `^[ \\t]*(?:>[ \\t]*)?(?:[-*+][ \\t]+)?(?:\\*\\*|__)?(${ALT})(?![\\p{L}])(?:[:：][ \\t]*(?:\\*\\*|__)?|(?:\\*\\*|__)[ \\t]*[:：]|[ \\t]+[:：])[ \\t]*`,
  'iu',
);
// Another label opening a line of the same paragraph (`**Owner:** …`) ends the goal.
const OTHER_LABEL = /^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)?[:：]/;

/** Sections a goal line is never read from: the living logs say what happened, not what the plan is for. */
const LOGS = new Set(['progress', 'decisions', 'surprises', 'outcomes']);

/**
 * The plan's first goal line: before its first section, else in a section that is not a log, a
 * milestone or a phase (their goals are theirs, not the plan's). Its range runs from the text after
 * the label to the end of its list item (with what the item nests) or of its paragraph.
 */
export function readGoal(doc: Doc, blocks: Blocks, sections: Section[], milestones: Plan['milestones'], code: Blocks['code'], contentEnd: number): Plan['goal'] {
  const inCode = new Set<number>();
  for (const c of code) for (let l = c.first; l <= c.last; l++) inCode.add(l);
  const firstSection = sections[0] ? sections[0].line - 1 : Infinity;
  const candidates: number[] = [];
  for (let l = 0; l < doc.lines.length && doc.offsetOf(l) < contentEnd; l++) {
    if (inCode.has(l) || doc.lines[l]!.indexOf(':') === -1 && doc.lines[l]!.indexOf('：') === -1) continue;
    if (GOAL_LINE.test(doc.lines[l]!)) candidates.push(l);
  }
  // Lines inside a milestone; milestones nest at most as deep as heading levels go.
  const inMilestone = new Set<number>();
  for (const m of milestones) for (let l = m.line - 1; l < m.endLine; l++) inMilestone.add(l);
  let line = candidates[0] !== undefined && candidates[0] < firstSection ? candidates[0] : undefined;
  // Candidates come in order: one walk through the sections finds the one each stands in.
  for (let c = 0, k = -1; line === undefined && c < candidates.length; c++) {
    const l = candidates[c]!;
    while (k + 1 < sections.length && sections[k + 1]!.line - 1 <= l) k++;
    const key = k === -1 ? null : sections[k]!.key;
    if (!inMilestone.has(l) && !(key && LOGS.has(key))) line = l;
  }
  if (line === undefined) return undefined;
  const text = doc.lines[line]!;
  const m = GOAL_LINE.exec(text)!;
  const item = blocks.items.find((it) => it.first === line);
  let end: number;
  const indent = (l: string) => l.length - l.trimStart().length;
  if (item) {
    end = Math.max(line + 1, item.end);
    // A line not indented under the item that opens with a label of its own is not part of the goal.
    for (let l = line + 1; l < end; l++) if (indent(doc.lines[l]!) <= indent(text) && OTHER_LABEL.test(doc.lines[l]!)) end = l;
  } else {
    const p = blocks.paragraphs.find((q) => q.first <= line && q.last >= line);
    end = p ? p.last + 1 : line + 1;
    for (let l = line + 1; l < end; l++) if (OTHER_LABEL.test(doc.lines[l]!) || GOAL_LINE.test(doc.lines[l]!)) end = l;
    // `Goal:` alone on its line, with its list below it.
    const next = blocks.items.find((it) => it.first > line && it.depth === 0);
    if (!text.slice(m[0].length).trim() && next && doc.lines.slice(end, next.first).every((l) => !l.trim())) {
      const list = blocks.items.filter((it) => it.listFirst === next.listFirst && it.depth === 0);
      end = list[list.length - 1]!.end;
    }
  }
  const start = doc.offsetOf(line) + m[0].length + (line === 0 && doc.bom ? 1 : 0);
  return { label: m[1]!, line: line + 1, endLine: end, range: { start, end: doc.endOf(end - 1) } };
}
