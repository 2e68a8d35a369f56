/** Files the plan names exist in the repository, unless the plan says it creates (or removes) them. */
import type { Rule, RuleContext } from './types.js';
import { inlineCode, linesContaining, type PlanLine } from './util/text.js';

const ROOT_FILES = new Set([
  'package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'tsconfig.json', 'README.md', 'AGENTS.md', 'PLANS.md',
  'CLAUDE.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'Makefile', 'Dockerfile', 'docker-compose.yml', 'Cargo.toml', 'Cargo.lock',
  'go.mod', 'go.sum', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'Gemfile', 'pom.xml', 'build.gradle',
  'justfile', 'Justfile', 'execplan.json', '.gitignore', '.editorconfig',
]);

// Words that say a path is the plan's to create, move or remove, so it need not exist yet (or any more).
// One expression: V8 compiles it to machine code once and runs it fast on every line after that.
const CHANGE_WORDS =
  /\b(?:creat(?:e|es|ed|ing)|add(?:s|ed|ing)?|new|introduc(?:e|es|ed|ing)|generat(?:e|es|ed|ing)|writ(?:e|es|ing|ten)|scaffold(?:s|ed|ing)?|produc(?:e|es|ed|ing)|emit(?:s|ted)?|outputs?|renam(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|drop(?:s|ped)?|retir(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|split|extract(?:s|ed)?|cop(?:y|ies|ied)|will (?:contain|hold|live))\b|新增|新建|创建|删除|移除|\b(?:crear|nuev[oa]s?|eliminar)\b/i;

/** Whether `text` says something is created, moved or removed. */
export function mentionsChange(text: string): boolean {
  return CHANGE_WORDS.test(text);
}

/** Rule: referenced-paths-exist. */
export const rule: Rule = {
  meta: {
    id: 'referenced-paths-exist',
    description: 'Repository-relative file paths the plan names in backticks exist, or the plan says it creates them.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 1, "Be fully self-contained"; Context and Orientation: "Name key files by full repo-relative paths."',
  },
  check(ctx) {
    const { lines } = ctx;
    const memo = new Map<number, boolean>();
    const saysChange = (l: PlanLine) => {
      let v = memo.get(l.line);
      if (v === undefined) memo.set(l.line, (v = mentionsChange(l.text)));
      return v;
    };
    let leadIns: Int32Array | undefined;
    const leadInSays = (l: PlanLine) => {
      if (!LIST_ITEM.test(l.text) && !INDENTED.test(l.text)) return false;
      const i = (leadIns ??= leadInLines(lines))[l.line - 1]!;
      return i !== -1 && i >= l.line - 80 && saysChange(lines[i]!);
    };
    // A plan names the same files again and again: each code span's text is judged once.
    const judged = new Map<string, { path: string | undefined; folder: string | undefined }>();
    const judge = (content: string) => {
      let j = judged.get(content);
      if (!j) judged.set(content, (j = { path: fileLike(content), folder: folderLike(content) }));
      return j;
    };
    const mentions: { path: string; line: number; column: number; changed: boolean }[] = [];
    const changed = new Set<string>();
    for (const l of linesContaining(lines, ctx.plan.source, '`')) {
      if (l.kind !== 'prose') continue;
      const spans = inlineCode(l.text);
      if (!spans.length) continue;
      // Whether the line says the files are new is only asked about lines that name a file or folder.
      let says: boolean | undefined;
      const said = () => (says ??= saysChange(l) || leadInSays(l));
      for (const span of spans) {
        const { path, folder } = judge(span.content);
        if (path) mentions.push({ path, line: l.line, column: span.start + 1, changed: said() });
        if (path && said()) changed.add(path);
        if (folder && said()) changed.add(folder);
      }
    }
    const reported = new Set<string>();
    for (const m of mentions) {
      if (m.changed || reported.has(m.path) || skip(ctx, m.path, changed)) continue;
      reported.add(m.path);
      if (ctx.exists(m.path)) continue;
      ctx.report({
        message: `The file "${m.path}" does not exist in the repository; expected an existing repository-relative path, or a sentence saying the plan creates it.`,
        line: m.line,
        column: m.column,
        endLine: m.line,
        endColumn: m.column + m.path.length,
      });
    }
  },
};

// `./src/a.ts:12#L3` names `src/a.ts`: a leading `./`, a trailing line reference and an anchor are not part of the path.
const REFERENCE = /^(?:\.\/)?([^#]*?)(?::\d+(?:[-:]\d+)?)?(?:#.*)?$/;

/** The path a code span names, when it looks like a repository file; undefined otherwise. */
export function fileLike(content: string): string | undefined {
  // No match only when a line separator follows the `#`, which the whitespace test below refuses anyway.
  let p = REFERENCE.exec(content.trim())?.[1];
  // Without a slash only the well-known root files count (and they pass every test below).
  if (!content.includes('/')) return p && ROOT_FILES.has(p) ? p : undefined;
  if (!p || /[\s*?{}<>[\]$|"'`\\:=,;()]/.test(p) || /^(?:\.\.|[/~@-])/.test(p)) return undefined;
  p = p.replace(/(?<!\/)\/+$/, '');
  if (!p.includes('/')) return ROOT_FILES.has(p) ? p : undefined;
  const segments = p.split('/');
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  // `github.com/org/repo` and `example.org/api` are addresses, not folders.
  if (/^[^.].*\.[a-z]{2,}$/i.test(first)) return undefined;
  if (segments.some((s) => !s || s === '.' || s === '..')) return undefined;
  return /^[^.].*\.[A-Za-z][A-Za-z0-9]{0,9}$|^\.[\w-]+\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(last) || ROOT_FILES.has(last) ? p : undefined;
}

/** The folder a code span names (`src/new-module/`), for "creates this folder" context. */
function folderLike(content: string): string | undefined {
  const p = content.trim().replace(/^\.\//, '');
  if (!p.includes('/') || !/^[\w.-]+(?:\/[\w.-]+)*\/?$/.test(p) || p.startsWith('..')) return undefined;
  return p.replace(/(?<!\/)\/+$/, '');
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const INDENTED = /^\s/;
const HEADING = /^\s*#{1,6}\s/;

/**
 * For each line, the index of the nearest prose line above it that introduces a list (a heading,
 * or a line that is neither a list item nor indented); -1 when there is none. One pass, so a long
 * list does not look back over its own items once per item.
 */
function leadInLines(lines: readonly PlanLine[]): Int32Array {
  const out = new Int32Array(lines.length);
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    out[i] = last;
    const l = lines[i]!;
    if (l.kind !== 'prose' || !l.text.trim()) continue;
    if (HEADING.test(l.text) || !(LIST_ITEM.test(l.text) || INDENTED.test(l.text))) last = i;
  }
  return out;
}

function skip(ctx: RuleContext, path: string, changed: ReadonlySet<string>): boolean {
  if (path === ctx.file.path) return true;
  const artifacts = ctx.artifacts?.path;
  if (artifacts && (path === artifacts || path.startsWith(`${artifacts}/`))) return true;
  // A file inside a folder the plan creates is created with it: look the path and each of its folders up.
  if (changed.has(path)) return true;
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (changed.has(path.slice(0, slash))) return true;
  }
  return false;
}
