/** Validation and Acceptance says how to prove the change works: something to run and what to expect. */
import { normalizeHeading } from '../core/sections.js';
import type { Section } from '../core/types.js';
import type { Rule } from './types.js';
import { joined, sectionLines, showsCommand } from './util/commands.js';
import { listsCriteria, RESULT_WORDS, statesResult } from './util/evidence.js';
import { hasWord, inlineCode, type PlanLine } from './util/text.js';
import { findSection, sectionGuidance } from './util/sections.js';

// A UI flow or an HTTP call is a way to prove it too, even without a shell command.
// Described as what a person does ("Share URL reloads the build", "User can choose a tank", "タグをかざすと").
const UI_FLOW =
  /\b(?:open|click|tap|drag|drop|press|select|choose|pick|type|enter|fill(?: in| out)?|scroll|hover|navigate|visit|browse|go(?:es)? to|log ?in|sign ?in|submit|launch|reload|refresh|toggle|upload|download|swipe|zoom|share|paste)(?:s|es|ed|d|ing|ping|ped|ging|ged)?\b|\b(?:users?|visitors?|admins?|operators?|customers?|players?) can\b|\bin the (?:ui|browser|app)\b|点击|打开|拖动|拖拽|输入|选择|界面|页面|クリック|開く|ドラッグ|タップ|押す|押下|選択|選ぶ|入力|かざす|画面|haga clic|hacer clic|abr(?:ir|a)|puls(?:ar|e)|arrastr(?:ar|e)|seleccion(?:ar|e|a)|escrib(?:ir|a)|clic(?:ar|ue)|selecion(?:ar|e|a)|cliqu(?:er|ez)|ouvr(?:ir|ez)|sélectionn(?:er|ez)|klick(?:en|e)|öffn(?:en|e)|wähl(?:en|e)|zieh(?:en|e)|eingeb|нажм|нажать|открой|открыть|выбр|перетащ/i;
// "Run: the auth smoke test", "run the integration suite": a named test to run, without its command line.
const RUN = /\b(?:run|rerun|execute)\b/i;
const TEST_NAMED = /\b(?:tests?|smoke|suite|checks?|benchmarks?|script)\b/i;
// A test, lint or check command states its own expected result: it passes.
const CHECK_COMMAND = /\b(?:test|tests|pytest|vitest|jest|mocha|ruff|mypy|clippy|lint|check|ci|tsc|verify|validate)\b/;
const HTTP_CALL = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+\/|https?:\/\/(?:localhost|127\.0\.0\.1)/;
// Sections of the plan's own that hold its validation under another name: "Done Criteria (Observable)", "Test Expectations", "Проверка".
const VALIDATION_LIKE =
  /\b(?:validation|acceptance|verification|testing|tests?|qa|done criteria|definition of done|success criteria|exit criteria|expected results?|test plan|checks)\b|проверк|验收|验证|测试|検証|テスト|受け入れ|validaci[oó]n|aceptaci[oó]n|pruebas|valida[cç][aã]o|crit[eé]rios? de aceita|recette|abnahme|prüfung/i;

/** Words a result is stated with; kept for the shortcut below, which must imply it. */
export const EXPECTATION = RESULT_WORDS;

export const COMMON_EXPECTATIONS = ['should', 'expect', 'expected', 'see', 'returns', 'prints', 'shows', 'passes', 'pass', 'output', 'contains', 'status'];

/** Rule: validation-observable. */
export const rule: Rule = {
  meta: {
    id: 'validation-observable',
    description: 'Validation and Acceptance names something to run (a command, a request, a UI flow) and the result to expect.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 3, "Produce observable behavior": define how to prove it works (tests, a CLI run, an HTTP call, a UI flow).',
  },
  check(ctx) {
    const section = findSection(ctx.plan, 'validation');
    if (!section) return;
    // The plan's validation may go on in sections of its own ("Done Criteria", "Test Expectations"),
    // and the commands that run it may stand in Concrete Steps.
    const parts = ctx.plan.sections.filter((s) => s === section || s.key === 'validation' || (s.key === null && VALIDATION_LIKE.test(normalizeHeading(s.heading))));
    const lines: PlanLine[] = parts.flatMap((s: Section) => [...sectionLines(ctx.lines, s)]);
    const text = joined(lines);
    // Empty, or still the skeleton's guidance: no-empty-sections and no-placeholder-text say so.
    if (!text.replace(sectionGuidance('validation', ctx.sections) ?? '', '').trim()) return;
    const steps = findSection(ctx.plan, 'concrete-steps');
    const commands = showsCommand(lines);
    const namesTest = lines.some((l) => l.kind === 'prose' && RUN.test(l.text) && TEST_NAMED.test(l.text));
    const runnable = commands || namesTest || UI_FLOW.test(text) || HTTP_CALL.test(text) || (steps !== undefined && showsCommand(sectionLines(ctx.lines, steps)));
    if (!runnable) {
      ctx.report({ message: 'Validation and Acceptance names nothing to run; expected a command, request or UI flow that proves the change works.', line: section.line, column: 1 });
    }
    // Most sections use one of these words, each of which RESULT_WORDS matches: no need to compile it then.
    const checks = commands && lines.some((l) => (l.kind === 'code' ? CHECK_COMMAND.test(l.text) : inlineCode(l.text).some((c) => CHECK_COMMAND.test(c.content))));
    if (!checks && !COMMON_EXPECTATIONS.some((w) => hasWord(text, w)) && !statesResult(text) && !listsCriteria(lines)) {
      ctx.report({ message: 'Validation and Acceptance states no expected result; expected what a person will observe when it works.', line: section.line, column: 1 });
    }
  },
};
