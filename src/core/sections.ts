/** The twelve sections of the specification's skeleton and how headings are matched to them. */
import type { HeadingMatch, ParseOptions, SectionKey } from './types.js';

/** A section of the skeleton: its key, its canonical title and the spellings real plans use. */
export interface SectionSpec {
  key: SectionKey;
  title: string;
  /** Lower-case, normalised spellings accepted as the same section. */
  aliases: string[];
  /**
   * Close synonyms plans use for the section ("Testing Approach", "Lessons Learned", "Rollback
   * Notes"): the section under another name, unless the plan also has the section under its own
   * name, in which case the synonym is a section of its own.
   */
  synonyms?: string[];
  /** The skeleton's guidance sentence under the heading. */
  guidance: string;
  /** One of the four sections the specification asks to keep up to date. */
  living: boolean;
}

/** The skeleton's sections in canonical order. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    key: 'purpose',
    title: 'Purpose / Big Picture',
    aliases: ['purpose big picture', 'purpose and big picture', 'purpose', 'big picture', 'purpose and scope', '目的与用户价值', '目的', 'propósito y alcance', 'propósito', 'цель', 'goal', 'goals', 'objective', 'objectives', '目标'],
    synonyms: ['overview', 'motivation', 'problem statement', 'background and goal', 'goal and scope', 'objetivo', 'objetivos', 'objectif', 'ziel', 'ziele', 'zweck', 'назначение', 'задача', '目的と背景', '概要', '背景与目标', '目标与范围'],
    guidance: 'Explain (briefly) what someone gains after this change and how they can see it working.',
    living: false,
  },
  {
    key: 'progress',
    title: 'Progress',
    aliases: ['progress', 'progress notes', 'progreso', '进度', '進捗', 'прогресс'],
    synonyms: ['progress log', 'progress tracker', 'task list', 'progresso', 'progrès', 'avancement', 'fortschritt', 'ход работ', '进展', '当前进度'],
    guidance: 'Use checkboxes + timestamps. Split partially-done items into “done” and “remaining”.',
    living: true,
  },
  {
    key: 'surprises',
    title: 'Surprises & Discoveries',
    aliases: ['surprises and discoveries', 'surprises', 'discoveries', 'hallazgos', 'sorpresas y descubrimientos', '意外与发现', '发现', 'находки'],
    synonyms: ['findings', 'discovery log', 'discoveries and surprises', 'unexpected findings', 'surprises discoveries', 'descobertas', 'découvertes', 'entdeckungen', 'überraschungen', 'неожиданности', '发现与意外', '気づき', '発見'],
    guidance: 'Document unexpected behaviors, bugs, perf tradeoffs, or “oh wow” findings.',
    living: true,
  },
  {
    key: 'decisions',
    title: 'Decision Log',
    aliases: ['decision log', 'decisions', 'decisiones', 'registro de decisiones', 'журнал решений', '决策日志', '决策记录'],
    synonyms: ['decision record', 'decision records', 'decisions log', 'key decisions', 'design decisions', 'decisões', 'registro de decisões', 'décisions', 'journal des décisions', 'entscheidungen', 'entscheidungsprotokoll', 'решения', '决定', '決定事項', '決定ログ'],
    guidance: 'Record every decision:',
    living: true,
  },
  {
    key: 'outcomes',
    title: 'Outcomes & Retrospective',
    aliases: ['outcomes and retrospective', 'outcomes', 'outcome', 'retrospective', 'resultados y retrospectiva', '结果与复盘', 'итоги'],
    synonyms: ['results', 'result', 'lessons learned', 'retro', 'delivered', 'what shipped', 'completion summary', 'resultados', 'resultado', 'retrospectiva', 'résultats', 'rétrospective', 'ergebnisse', 'rückblick', 'результаты', 'ретроспектива', '结果', '复盘', '成果', '振り返り'],
    guidance: 'At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned.',
    living: true,
  },
  {
    key: 'context',
    title: 'Context and Orientation',
    aliases: ['context and orientation', 'context', 'orientation', 'contexto y orientación', '上下文与定位', 'контекст'],
    synonyms: ['project context', 'current context', 'repository context', 'repository orientation', 'repo orientation', 'codebase orientation', 'background', 'current state', 'orientation and context', 'contexto', 'contexte', 'kontext', 'hintergrund', 'предыстория', '背景', '背景与上下文', '現状', 'コンテキスト'],
    guidance: 'Assume the reader knows nothing. Name key files by full repo-relative paths. Define terms.',
    living: false,
  },
  {
    key: 'plan-of-work',
    title: 'Plan of Work',
    aliases: ['plan of work', 'work plan', 'plan de trabajo', 'plan de implementación', 'план работ', 'план'],
    synonyms: ['implementation plan', 'implementation strategy', 'implementation approach', 'approach', 'strategy', 'proposed approach', 'resolution strategy', 'proposed resolution strategy', 'task breakdown', 'work breakdown', 'plano de trabalho', 'plan de travail', 'arbeitsplan', 'implementierungsplan', 'план реализации', '实施计划', '工作计划', '阶段', '作業計画', '実装計画'],
    guidance: 'In prose: the sequence of edits/additions. For each edit, name the file + what changes.',
    living: false,
  },
  {
    key: 'concrete-steps',
    title: 'Concrete Steps',
    aliases: ['concrete steps', 'steps', 'pasos concretos'],
    synonyms: ['execution steps', 'implementation steps', 'commands', 'steps to run', 'passos concretos', 'étapes concrètes', 'konkrete schritte', 'конкретные шаги', '具体步骤', '实施步骤', '手順', '具体的な手順'],
    guidance: 'Exact commands to run (and where). Include short expected outputs when helpful.',
    living: false,
  },
  {
    key: 'validation',
    title: 'Validation and Acceptance',
    aliases: ['validation and acceptance', 'validation', 'acceptance', 'acceptance criteria', 'validation plan', 'validation strategy', 'validation qa plan', 'validation notes', 'validation commands', 'validación y aceptación', 'comandos y validación', 'validación', '验收标准', 'проверка'],
    synonyms: ['testing approach', 'testing strategy', 'test plan', 'testing', 'tests', 'verification', 'verification plan', 'verification and validation', 'verification and validation plan', 'qa plan', 'validación y pruebas', 'validação', 'validação e aceitação', 'validation et acceptation', 'validierung', 'validierung und abnahme', 'проверка и приёмка', '验证', '验证与验收', '検証', '検証と受け入れ'],
    guidance: 'How to prove it works: tests to run, scenarios to exercise, expected results.',
    living: false,
  },
  {
    key: 'idempotence',
    title: 'Idempotence and Recovery',
    aliases: ['idempotence and recovery', 'idempotency and recovery', 'idempotence', 'recovery', 'idempotencia y recuperación', 'recovery y seguridad', 'recuperación'],
    synonyms: ['rollback', 'rollback notes', 'rollback plan', 'recovery plan', 'safety and recovery', 'idempotency', 'idempotência e recuperação', 'idempotence et reprise', 'idempotenz und wiederherstellung', 'откат', 'восстановление', '回滚', '幂等与恢复', 'ロールバック'],
    guidance: 'Explain what can be safely re-run and what needs cleanup / rollback.',
    living: false,
  },
  {
    key: 'artifacts',
    title: 'Artifacts and Notes',
    aliases: ['artifacts and notes', 'artifacts', 'artefacts and notes', 'notes', 'artefactos y notas'],
    synonyms: ['evidence', 'artifacts and evidence', 'notes and artifacts', 'artefatos e notas', 'artefacts et notes', 'artefakte', 'артефакты', '产物与记录', '成果物'],
    guidance: 'Short transcripts, snippets, diffs — evidence that proves progress.',
    living: false,
  },
  {
    key: 'interfaces',
    title: 'Interfaces and Dependencies',
    aliases: ['interfaces and dependencies', 'interfaces', 'dependencies', 'interfaces y dependencias'],
    synonyms: ['dependencies and interfaces', 'apis', 'interfaces and contracts', 'interfaces e dependências', 'interfaces et dépendances', 'schnittstellen', 'abhängigkeiten', 'интерфейсы', 'зависимости', '接口与依赖', '依赖', 'インターフェース'],
    guidance: 'Be prescriptive: libraries, APIs, module boundaries, names, function signatures.',
    living: false,
  },
];

/** Section keys in canonical order. */
export const SECTION_KEYS: readonly SectionKey[] = SECTIONS.map((s) => s.key);

/** The four living sections the specification asks to keep current. */
export const LIVING_SECTIONS: readonly SectionKey[] = SECTIONS.filter((s) => s.living).map((s) => s.key);

const BY_KEY = new Map<string, SectionSpec>(SECTIONS.map((s) => [s.key, s]));

/** The spec of a canonical section. */
export function sectionSpec(key: string): SectionSpec | undefined {
  return BY_KEY.get(key);
}

const ASCII = /^[^\u0080-\uffff]*$/;

/**
 * Normalise a heading for comparison: lower case, no numbering (`4.`, `IV.`), no trailing
 * parenthetical or dash suffix, `&` read as `and`, punctuation and zero-width characters dropped.
 */
export function normalizeHeading(text: string): string {
  // Plain ASCII is in NFC already and holds no zero-width characters.
  let s = ASCII.test(text) ? text : text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  s = s.replace(/[*_`]/g, '').trim();
  s = s.replace(/^(?:\d+(?:\.\d+)*|[ivx]+)[.):]\s+/i, '');
  s = s.replace(/(?<!\s)\s*[(（][^()（）]*[)）]\s*$/, '');
  s = s.replace(/(?<!\s)\s+[-–—:]\s+(?!\s).*$/, '');
  s = s.replace(/&/g, ' and ');
  s = s.toLowerCase();
  s = s.replace(/[/\\|:,;.!?'"“”‘’]+/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Damerau-free Levenshtein distance, bounded: returns `max + 1` once it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two rows, reused: every heading that is not a known section is compared with each canonical name.
  let prev: number[] = [];
  let cur: number[] = [];
  for (let j = 0; j <= b.length; j++) {
    prev.push(j);
    cur.push(0);
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length]!;
}

/** What a heading was recognised as. */
export interface HeadingResult {
  key: string;
  match: HeadingMatch;
  /** Matched through a close synonym: the section, unless the plan has it under its own name too. */
  synonym?: boolean;
}

/** A matcher built once per set of options: heading text in, section key out. */
export type HeadingMatcher = (heading: string) => HeadingResult | null;

/** Build the heading matcher for the canonical sections plus the configuration's aliases and custom sections. */
export function headingMatcher(options: ParseOptions = {}): HeadingMatcher {
  const exact = new Map<string, string>();
  const alias = new Map<string, string>();
  const custom = new Map<string, string>();
  const synonym = new Map<string, string>();
  for (const s of SECTIONS) {
    exact.set(s.title, s.key);
    for (const a of s.aliases) alias.set(a, s.key);
    for (const a of s.synonyms ?? []) synonym.set(a, s.key);
    alias.set(normalizeHeading(s.title), s.key);
  }
  for (const [key, names] of Object.entries(options.aliases ?? {})) {
    for (const n of names) alias.set(normalizeHeading(n), key);
  }
  for (const c of options.customSections ?? []) {
    custom.set(normalizeHeading(c.title), c.key);
    for (const a of c.aliases ?? []) custom.set(normalizeHeading(a), c.key);
  }
  const canonicalNames = SECTIONS.map((s) => [normalizeHeading(s.title), s.key] as const);
  const loose = (trimmed: string): HeadingResult | null => {
    const n = normalizeHeading(trimmed);
    if (!n) return null;
    const c = custom.get(n);
    if (c) return { key: c, match: 'custom' };
    const a = alias.get(n);
    if (a) return { key: a, match: 'variant' };
    const syn = synonym.get(n);
    if (syn) return { key: syn, match: 'variant', synonym: true };
    // Misspellings of the full canonical names (`Suprises & Discoveries`, `Decison Log`).
    for (const [name, k] of canonicalNames) {
      if (name.length >= 8 && editDistance(n, name, 2) <= 2) return { key: k, match: 'misspelled' };
    }
    return null;
  };
  // A heading in two languages (`Progress / 진행 상황`, `Purpose / Big Picture / 목적 / 큰 그림`,
  // `Decision Log | 决策日志`): the section is named by one of its halves. The longest leading half
  // is tried first, so the canonical `Purpose / Big Picture` is read whole before `Purpose`.
  const halves = (trimmed: string): HeadingResult | null => {
    const parts = trimmed.split(/(?<=\s)[/|｜／](?=\s)/).map((p) => p.trim());
    if (parts.length < 2 || parts.length > 6) return null;
    for (let i = parts.length - 1; i >= 1; i--) {
      const head = parts.slice(0, i).join(' / ');
      const found = exact.has(head) ? { key: exact.get(head)!, match: 'variant' as const } : loose(head);
      if (found) return { ...found, match: found.match === 'custom' ? 'custom' : 'variant' };
    }
    for (let i = 1; i < parts.length; i++) {
      const found = loose(parts.slice(i).join(' / '));
      if (found) return { ...found, match: found.match === 'custom' ? 'custom' : 'variant' };
    }
    return null;
  };
  return (heading: string) => {
    const trimmed = heading.trim();
    const key = exact.get(trimmed);
    if (key) return { key, match: 'exact' };
    return loose(trimmed) ?? halves(trimmed);
  };
}
