/**
 * Labelled fields of log entries (`Decision:`, `Rationale:`, `Evidence:` ...), in the languages real
 * plans are written in, bold or plain, one per line or several on one line
 * (`- Decision: Use SQLite. Rationale: one file. Date/Author: 2026-03-02 / Ana`).
 */
import type { EntryField } from '../types.js';

/** Each field's normalised name and the labels that write it. */
const LABELS: readonly (readonly [string, readonly string[]])[] = [
  ['date-author', ['Date/Author', 'Date / Author', 'Fecha/Autor', 'Fecha / Autor', 'Data/Autor', 'Data / Autor', 'Date/Auteur', 'Datum/Autor', 'Дата/Автор', '日期/作者', '日付/作成者', '日付/担当']],
  ['decision', ['Decision', 'Decisión', 'Decisao', 'Decisão', 'Décision', 'Entscheidung', 'Решение', '决策', '决定', '決定', '決策', '判断']],
  ['rationale', ['Rationale', 'Reasoning', 'Reason', 'Razón', 'Razon', 'Justificación', 'Motivo', 'Justificativa', 'Justification', 'Raison', 'Begründung', 'Обоснование', 'Причина', '理由', '原因', '根拠']],
  ['date', ['Date', 'Fecha', 'Data', 'Datum', 'Дата', '日期', '日付']],
  ['author', ['Author', 'Autor', 'Auteur', 'Автор', '作者', '作成者', '担当']],
  ['observation', ['Observation', 'Observación', 'Observacion', 'Observação', 'Beobachtung', 'Наблюдение', '观察', '現象', '観察', '发现']],
  ['evidence', ['Evidence', 'Evidencia', 'Evidência', 'Preuve', 'Preuves', 'Beleg', 'Nachweis', 'Доказательство', 'Доказательства', 'Свидетельство', '证据', '証拠', '根据']],
  ['consequences', ['Consequences', 'Consequence']],
  ['alternatives', ['Alternatives Considered', 'Alternatives considered', 'Alternatives', 'Alternative']],
  ['status', ['Status']],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NAME = new Map<string, string>();
for (const [name, labels] of LABELS) for (const l of labels) NAME.set(l.toLowerCase().replace(/\s+/g, ''), name);
// Longest first, so `Date/Author` wins over `Date` and `Alternatives Considered` over `Alternatives`.
const ALL = LABELS.flatMap(([, ls]) => ls).sort((a, b) => b.length - a.length);
const ALT = ALL.map(escape).join('|');

// At the start of a line: a label, plain or in bold (`**Decision:**`, `**Decision**:`, `__Decision__:`), any case.
const LEADING = new RegExp(`^(?:\\*\\*|__)?(${ALT})(?![\\p{L}])\\s?(?:\\*\\*|__)?\\s?[:：]\\s*(?:\\*\\*|__)?\\s*`, 'iu');
// Inside a line, after a sentence: a capitalised or bold label. Lower-case words ("the rationale: …") are prose.
const INLINE = new RegExp(`(?<=^|[\\s.;,。；，])(?:\\*\\*|__)?(${ALT})\\s?(?:\\*\\*|__)?[:：](?:\\*\\*|__)?`, 'gu');

/** A label at the start of `text`: its normalised name, the label as written and where its value starts. */
export function leadingLabel(text: string): { name: string; label: string; valueStart: number } | undefined {
  // Every label ends with a colon: most lines have none within a label's reach.
  const colon = text.search(/[:：]/);
  if (colon === -1 || colon > 40) return undefined;
  const m = LEADING.exec(text);
  if (!m) return undefined;
  const name = NAME.get(m[1]!.toLowerCase().replace(/\s+/g, ''));
  return name ? { name, label: m[1]!, valueStart: m[0].length } : undefined;
}

/**
 * The fields of one line of an entry, `text` being the line without its marker or indentation:
 * the label it opens with, and each further label written on the same line.
 */
export function lineFields(text: string, line: number): EntryField[] {
  const head = leadingLabel(text);
  if (!head) return [];
  const out: EntryField[] = [];
  let name = head.name;
  let label = head.label;
  let from = head.valueStart;
  INLINE.lastIndex = from;
  const more = text.indexOf(':', from) !== -1 || text.indexOf('：', from) !== -1;
  for (let m = more ? INLINE.exec(text) : null; m; m = INLINE.exec(text)) {
    const word = m[1]!;
    const bold = m[0].startsWith('**') || m[0].startsWith('__');
    // In the middle of a line only a capitalised label (or a bold one, or one without case) starts a field.
    if (!bold && word[0] === word[0]!.toLowerCase() && word[0] !== word[0]!.toUpperCase()) continue;
    const next = NAME.get(word.toLowerCase().replace(/\s+/g, ''));
    if (!next) continue;
    out.push({ name, label, value: clean(text.slice(from, m.index)), line });
    name = next;
    label = word;
    from = m.index + m[0].length;
  }
  out.push({ name, label, value: clean(text.slice(from)), line });
  return out;
}

function clean(value: string): string {
  return value.trim().replace(/^(?:\*\*|__)\s*/, '').replace(/(?<!\s)\s*(?:\*\*|__)$/, '').trim();
}
