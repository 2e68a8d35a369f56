/**
 * Scores lint's findings on the judged plans against what a careful reader found: per rule, how many
 * of lint's findings the reader agrees with (precision) and how many of the reader's findings lint
 * reports (recall). A finding is keyed by rule and line, and for a missing section by rule and the
 * section's name, since where a missing section is reported is a choice, not a fact.
 */
import { readFileSync } from 'node:fs';

/** One judgement: a finding the reader expects, lint's finding the reader rejects, or a clean plan. */
export interface Judgement {
  plan: string;
  rule: string;
  where: string;
  verdict: 'finding' | 'not' | 'clean';
  reason: string;
}

/** A finding as lint reports it in `--format json`. */
export interface Reported {
  ruleId: string;
  line: number;
  message: string;
}

/** Per-rule figures. */
export interface RuleScore {
  rule: string;
  reported: number;
  agreed: number;
  expected: number;
  found: number;
  /** Reported findings the reader does not agree with, as `plan:where`. */
  wrong: string[];
  /** Expected findings lint missed, as `plan:where`. */
  missed: string[];
}

const SECTION_RULES = new Set(['living-sections', 'required-sections']);

/** Reads the judgements table (tab-separated, one header line). */
export function readJudgements(file: string | URL): Judgement[] {
  const rows = readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  return rows.map((row, i) => {
    const [plan, rule, where, verdict, reason] = row.split('\t');
    if (!plan || !rule || !where || !reason || (verdict !== 'finding' && verdict !== 'not' && verdict !== 'clean')) {
      throw new Error(`judgements line ${i + 2} is malformed: ${row}`);
    }
    return { plan, rule, where, verdict, reason };
  });
}

/** The key a reported finding is compared by: its line, or for a missing section the section's name. */
export function keyOf(d: Reported): string {
  if (SECTION_RULES.has(d.ruleId)) {
    const name = /"([^"]{1,80})"/.exec(d.message)?.[1];
    if (name) return name;
  }
  return String(d.line);
}

/** Scores `reported` (by plan file name) against the judgements. */
export function score(judgements: Judgement[], reported: Map<string, Reported[]>): RuleScore[] {
  const byRule = new Map<string, RuleScore>();
  const get = (rule: string) => {
    let s = byRule.get(rule);
    if (!s) byRule.set(rule, (s = { rule, reported: 0, agreed: 0, expected: 0, found: 0, wrong: [], missed: [] }));
    return s;
  };
  const expected = new Set<string>();
  for (const j of judgements) {
    if (j.verdict !== 'finding') continue;
    expected.add(`${j.plan}\t${j.rule}\t${j.where}`);
    get(j.rule).expected++;
  }
  const seen = new Set<string>();
  for (const [plan, findings] of reported) {
    for (const d of findings) {
      const id = `${plan}\t${d.ruleId}\t${keyOf(d)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const s = get(d.ruleId);
      s.reported++;
      if (expected.has(id)) s.agreed++;
      else s.wrong.push(`${plan}:${keyOf(d)}`);
    }
  }
  for (const id of expected) {
    const [plan, rule, where] = id.split('\t') as [string, string, string];
    const s = get(rule);
    if (seen.has(id)) s.found++;
    else s.missed.push(`${plan}:${where}`);
  }
  return [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}
