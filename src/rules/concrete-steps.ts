/** Concrete Steps spells out the commands and says where to run them. */
import type { Rule } from './types.js';
import { joined, sectionLines, showsCommand } from './util/commands.js';
import { hasWord, inlineCode } from './util/text.js';
import { findSection, sectionGuidance } from './util/sections.js';

// "from the repository root", "working directory", "cd app/", "run in `services/api`", "(repo root)". A span with a
// file extension ("in `src/a.ts`, change ...") names a file to edit, not a place to run from.
export const WHERE =
  /\b(?:repo(?:sitory)?[ -]root|project[ -]root|root (?:of|directory|folder)|top[ -]level (?:directory|folder)|working[ -]director(?:y|ies)|workdir|cwd)\b|(?:^|[\s;&($`])cd\s+\S|\b(?:from|in|inside|within|under)\s+(?:the\s+)?`\.?[^`.\s]+\/?`|\b(?:from|in|inside|within)\s+(?:the\s+)?[\w.-]+\/(?:\s|$|[,.;:)])|\b(?:run|execute|invoke)\b[^.\n]*\b(?:from|in|inside|within)\s+(?:the\s+)?(?:repo|repository|project|root|directory|folder)\b|在(?:仓库|项目)根目录|desde la ra[ií]z/i;

// The same in the other languages plans are written in: "作業ディレクトリはリポジトリルート", "在项目根目录下执行",
// "desde el directorio raíz", "no diretório de trabalho", "à la racine du dépôt", "im Arbeitsverzeichnis", "из корня репозитория".
const WHERE_INTL =
  /作業ディレクトリ|(?:リポジトリ|プロジェクト|レポジトリ)(?:の)?(?:ルート|直下)|ルートディレクトリ|工作目录|(?:仓库|项目|代码库)根目录|根目录下|작업 디렉터리|(?:저장소|프로젝트) 루트|directorio (?:de trabajo|ra[ií]z)|ra[ií]z del (?:repositorio|proyecto)|diret[oó]rio (?:de trabalho|raiz)|raiz do (?:reposit[oó]rio|projeto)|r[ée]pertoire (?:de travail|racine)|racine du (?:d[ée]p[oô]t|projet)|arbeitsverzeichnis|(?:repository|projekt)-?(?:wurzel|stammverzeichnis|root)|stammverzeichnis|рабоч(?:ий|ем) каталог|рабоч(?:ая|ей) директори|корн(?:е|я) (?:репозитория|проекта)/i;

export const COMMON_PLACES = ['repository root', 'repo root', 'project root', 'working directory', 'cwd'];

/** `cd <folder>` at the start of a line or after a space, as WHERE finds it. */
export function saysCd(text: string): boolean {
  for (let i = text.indexOf('cd '); i !== -1; i = text.indexOf('cd ', i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1]!;
    if (/[\s;&($`]/.test(before) && /\S/.test(text[i + 3] ?? ' ')) return true;
  }
  return false;
}

/** Whether a command or a path in code names its place by an absolute path. */
const absoluteArg = (code: string) => code.trim().split(/\s+/).some((a) => /^\/[\w.-]+\//.test(a));

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Rule: concrete-steps. */
export const rule: Rule = {
  meta: {
    id: 'concrete-steps',
    description: 'Concrete Steps shows the commands to run and says where to run them.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 1: "every command is spelled out"; Concrete Steps: "Exact commands to run (and where)."',
  },
  check(ctx) {
    const section = findSection(ctx.plan, 'concrete-steps');
    if (!section) return;
    const lines = sectionLines(ctx.lines, section);
    // Empty, or still the skeleton's guidance: no-empty-sections and no-placeholder-text say so.
    // A thematic break closing the section (as a plan that separates its sections with one gives each) is no content.
    const content = lines.filter((l) => !THEMATIC_BREAK.test(l.text));
    if (!joined(content).replace(sectionGuidance('concrete-steps', ctx.sections) ?? '', '').trim()) return;
    if (!showsCommand(lines)) {
      ctx.report({ message: 'Concrete Steps shows no command; expected the exact commands to run, in a code block or as "$ command" lines.', line: section.line, column: 1 });
      return;
    }
    const text = joined(lines);
    // Most sections say it with one of these, each of which WHERE matches: no need to compile it then.
    // Commands that name their places by absolute paths (`df -h /root/data`, `rsync … /data/`) run the same from anywhere.
    const absolute = lines.some((l) => (l.kind === 'code' ? absoluteArg(l.text) : inlineCode(l.text).some((c) => absoluteArg(c.content))));
    if (!absolute && !COMMON_PLACES.some((w) => hasWord(text, w)) && !saysCd(text) && !WHERE.test(text) && !WHERE_INTL.test(text)) {
      ctx.report({ message: 'Concrete Steps does not say where to run its commands; expected a working directory, such as "from the repository root" or "cd services/api".', line: section.line, column: 1 });
    }
  },
};
