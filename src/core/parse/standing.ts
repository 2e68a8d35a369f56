/**
 * The plan's own sections about where the work stands ("Current Status", "当前状态") and what comes
 * next ("Next slice", "Next steps", "Handoff", "Следующие шаги"), at whatever level the plan writes them.
 */
import { lineIndexAt } from '../lines.js';
import { normalizeHeading } from '../sections.js';
import type { Plan, Section, StandingSection } from '../types.js';
import type { HeadingBlock } from './blocks.js';
import type { Doc } from './doc.js';

const STATUS = new Set([
  'status', 'current status', 'project status', 'overall status', 'implementation status', 'execution status', 'plan status',
  'status update', 'status summary', 'status snapshot', 'current state', 'where things stand', 'where we are', 'where it stands',
  'where we left off', 'where i left off', 'state of play', 'status and next steps',
  '状态', '当前状态', '当前进展', '现状', '进展', '进度状态', '当前进度', '目前状态',
  'ステータス', '現状', '現在の状況', '現在の状態', '状況',
  'estado', 'estado actual', 'estado atual', 'situación actual', 'situação atual', 'status atual',
  'statut', 'état actuel', "état d avancement", 'situation actuelle',
  'aktueller stand', 'stand', 'aktueller status',
  'статус', 'текущий статус', 'текущее состояние', 'состояние',
]);

const NEXT = new Set([
  'handoff', 'hand-off', 'handover', 'handoff notes', 'resume here', 'remaining work', 'remaining work breakdown', 'what s left', 'what remains',
  'todo', 'to do', 'follow-ups', 'follow-up', 'followups', 'follow ups', 'open questions', 'blockers', 'blocker',
  '下一步', '下一步计划', '下一步工作', '后续步骤', '后续工作', '后续计划', '待办', '待办事项', '剩余工作',
  '次のステップ', '次の作業', '今後の作業', '今後の予定', '残作業', '次にやること',
  'siguientes pasos', 'próximos pasos', 'pasos siguientes', 'trabajo pendiente', 'próximos passos', 'trabalho restante', 'pendências',
  'prochaines étapes', 'étapes suivantes', 'travail restant', 'nächste schritte', 'offene punkte',
  'следующие шаги', 'дальнейшие шаги', 'оставшаяся работа',
]);

// "Next steps", "Next slice", "Next implementation slice", "Recommended next steps": a few words at most.
const NEXT_WORDS = /^(?:(?:immediate|recommended|suggested|proposed|planned)\s)?next(?:\s[^\s]+){0,3}$/;

const READ_AS_SUCH = new Set(['purpose', 'progress', 'decisions', 'surprises', 'outcomes']);

// Words every name above holds one of: headings without any are not normalised at all.
const STEMS = /status|state|stand|next|hand|remain|left|do\b|follow|open|block|where|状|进|下一|后续|待办|剩余|ステータス|次|今後|残|estado|situa|pasos|pendi|passos|restante|statut|état|étapes|travail|schritte|offene|статус|состояние|шаги|оставш/i;

/** Whether a heading names a status or a next-step section. */
export function standingKind(heading: string): StandingSection['kind'] | null {
  if (!STEMS.test(heading)) return null;
  const n = normalizeHeading(heading);
  if (STATUS.has(n)) return 'status';
  if (NEXT.has(n) || NEXT_WORDS.test(n)) return 'next';
  return null;
}

/**
 * The status and next-step sections: headings below the title that name one and are not Progress,
 * the purpose or a log (those are read as such) nor inside a milestone (a phase's status is the phase's).
 * Each runs to the next heading of its level or higher. When the same name recurs (one "Handoff"
 * per run of a plan), the last one is the one that stands.
 */
export function readStanding(doc: Doc, headings: HeadingBlock[], titleIdx: number, sections: Section[], milestones: Plan['milestones'], contentEnd: number): StandingSection[] {
  // Progress and the logs are read as what they are; a context section named "Current State" still says where the work stands.
  const keyed = new Set(sections.filter((s) => s.key && READ_AS_SUCH.has(s.key)).map((s) => s.line));
  const byName = new Map<string, StandingSection>();
  // Headings in order: an end pointer per level finds each one's end without scanning back.
  headings.forEach((h, i) => {
    if (i === titleIdx || keyed.has(h.first + 1)) return;
    const kind = standingKind(h.text);
    if (!kind) return;
    const at = doc.offsetOf(h.first);
    if (milestones.some((m) => at > m.headingRange.start && at < m.bodyEnd)) return;
    let endIdx = i + 1;
    while (endIdx < headings.length && headings[endIdx]!.level > h.level) endIdx++;
    const bodyEnd = Math.min(endIdx < headings.length ? doc.offsetOf(headings[endIdx]!.first) : contentEnd, contentEnd);
    const bodyStart = Math.min(doc.offsetOf(h.last + 1), bodyEnd);
    const endLine = Math.max(h.last + 1, lineIndexAt(doc.lineStarts, Math.max(bodyEnd - 1, 0)) + 1);
    const name = normalizeHeading(h.text);
    byName.delete(name);
    byName.set(name, { kind, heading: h.text, level: h.level, line: h.first + 1, endLine, bodyStart, bodyEnd });
  });
  return [...byName.values()].sort((a, b) => a.line - b.line);
}
