/**
 * Notes that say a section has nothing yet, in the languages plans are written in: "None yet.",
 * "暂无。", "（実機診断後に記録）", "Ninguna por ahora", "Пока нет". Rules, edits, show and resume read
 * them alike: such a note is not an entry, and a real entry replaces it.
 */

// What the note starts with, after list markers, emphasis and opening brackets. English stays with
// the patterns its callers already use; these are the other languages.
// Words that cannot start a sentence of content, so nothing need follow them: "暂无意外", "尚未完成".
const CJK_WORDS = ['暂无', '暂未', '暂时没有', '尚无', '尚未', '目前没有', '待补充', '待填写', '待记录', '待定', '待完成', '待更新', '特になし', 'まだなし', 'まだありません', '現時点でなし', '該当なし', '未定', '未記入', '記入予定', '없음', '미정'];
// Words that end where a mark or a space follows: "无。", "Ninguna por ahora", "Пока нет.".
const WORDS = [
  '无', 'なし', '未完成', '未完了', '작성 예정', '아직 없음',
  // Spanish
  'ninguno', 'ninguna', 'nada aún', 'nada todavía', 'aún no', 'todavía no', 'pendiente', 'por definir', 'por completar', 'por documentar', 'sin decisiones', 'sin hallazgos',
  // Portuguese
  'nenhum', 'nenhuma', 'nada ainda', 'ainda não', 'pendente', 'a definir', 'a preencher', 'a ser preenchido', 'sem decisões', 'sem descobertas',
  // French
  'aucun', 'aucune', 'rien pour l’instant', "rien pour l'instant", 'rien pour le moment', 'pas encore', 'en attente', 'à compléter', 'à remplir', 'à venir', 'à définir',
  // German
  'keine', 'noch keine', 'noch nichts', 'nichts', 'ausstehend', 'noch nicht', 'folgt', 'wird ergänzt', 'wird nachgetragen',
  // Russian
  'нет', 'пока нет', 'пока ничего', 'ничего', 'не заполнено', 'будет заполнено', 'будет дополнено', 'ожидается', 'в процессе',
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

// Longest first, so `noch keine` is tried before `noch nicht` and `暂时没有` before `暂无`.
const CJK_NONE = new RegExp(`^(?:${alternatives(CJK_WORDS)})`, 'u');
// Matched against the text in lower case: a case-insensitive pattern of this many words costs V8
// several milliseconds to compile, a large part of linting one plan.
const WORD_NONE = new RegExp(`^(?:${alternatives(WORDS)})(?=$|[\\s\\p{P}\\p{S}])`, 'u');
const LONGEST = Math.max(...WORDS.map((w) => w.length)) + 1;
// A note says little after its word ("Ninguna por ahora.", "Noch keine Entscheidungen."); a clause
// that goes on ("Keine neue Abhängigkeit einführen, weil …") is content that starts with the word.
const CLAUSE_END = /[.。!！?？;；:：,，)）—–]/u;
const NOTE_TAIL = 25;

// Opening marks before the words: list markers, emphasis, brackets in either width.
const LEAD = /^(?:[-*+]\s+)?[\s(（[【「_*]*/u;

// The characters a note can start with, composed or not, in either case: most texts start with
// none of them, and are answered without normalising them or trying every word.
const FIRST = new Set([...CJK_WORDS, ...WORDS].flatMap((w) => [w[0]!, w.normalize('NFD')[0]!]).flatMap((c) => [c, c.toUpperCase()]));

/**
 * Whether `text` opens with a note, in a language other than English, that the section has nothing
 * yet. `tail` bounds what may follow the word before the clause ends; an edit, which replaces the
 * note, asks for less than a rule.
 */
export function opensWithEmptyNoteIntl(text: string, tail = NOTE_TAIL): boolean {
  const lead = LEAD.exec(text)![0].length;
  if (!FIRST.has(text.charAt(lead))) return false;
  const t = text.slice(lead).normalize('NFC');
  const cjk = CJK_NONE.exec(t);
  // Lower case keeps the length of every character the words are written in, so offsets hold.
  const m = cjk ?? WORD_NONE.exec(t.slice(0, LONGEST).toLowerCase());
  if (!m) return false;
  const rest = t.slice(m[0].length);
  const end = rest.search(CLAUSE_END);
  // A label with its content (`**未完了**: 次のデプロイ後に実施する`, `尚未完成的部分：导出`) is the author's entry.
  if (end !== -1 && /[:：]/u.test(rest[end]!) && /\S/u.test(rest.slice(end + 1).replace(/[*_]/g, ''))) return false;
  return cjk !== null || (end === -1 ? rest : rest.slice(0, end)).trim().length <= tail;
}

/** Whether a whole text is a note to the writer in brackets of either width: `(fill during work)`, `（実施時に記入）`. */
export function isBracketNote(text: string): boolean {
  return /^[*_]*[(（][^()（）]*[)）][*_.。]*$/u.test(text.trim());
}
