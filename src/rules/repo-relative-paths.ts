/** Paths in the plan are repository-relative: no home folders, drive letters or machine-specific roots. */
import type { Rule } from './types.js';
import { startsWithProgram } from './util/commands.js';
import { inlineCode, isShellBlock, matchesByLine, PROMPT_LINE, type PlanLine } from './util/text.js';

// Each alternative is a path that only makes sense on one machine.
const ABSOLUTE = new RegExp(
  [
    String.raw`(?<![\w.~/:@$%-])/(?:home|Users|root|workspaces?|tmp)/[^\s\x60'"()<>\[\]{}|,;]+`,
    // A home folder further down (`/agent-state/dev-1/home/.codex/…`) is one machine's as much.
    String.raw`(?<![\w.~/:@$%-])/(?:[\w.-]{1,64}/){1,3}(?:home|Users)/[^\s\x60'"()<>\[\]{}|,;]+`,
    String.raw`(?<![\w/\\])[A-Za-z]:[\\/][\w.$~%-][^\s\x60'"()<>|,;]*`,
    String.raw`(?<![\w~/])~[\\/][\w.-][^\s\x60'"()<>|,;]*`,
    String.raw`(?:\$HOME|\$\{HOME\}|%USERPROFILE%|%HOMEPATH%)[\\/][^\s\x60'"()<>|,;]*`,
    String.raw`file:///[^\s\x60'"()<>]+`,
  ].join('|'),
  'g',
);

/** Rule: repo-relative-paths. */
export const rule: Rule = {
  meta: {
    id: 'repo-relative-paths',
    description: 'Paths are repository-relative: no `/home/...`, `/Users/...`, `/tmp/...`, `C:\\...`, `~/` or `file:///` paths.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'Non-negotiable 1, "Be fully self-contained": all paths are repository-relative.',
    options: { allow: [] },
  },
  check(ctx) {
    const allow = Array.isArray(ctx.options.allow) ? (ctx.options.allow as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    // A plan whose work is on a server or cluster names that machine's folders (`/root/data`, node
    // logs) because they are what it changes: only a desktop's paths are out of place there.
    const remote = isRemoteWork(ctx.lines);
    const checkouts = tmpCheckouts(ctx.lines);
    // No match can span a line break, and the look-behinds see a line break where a line starts.
    for (const { match: m, line: l } of matchesByLine(ctx.lines, ctx.plan.source, ABSOLUTE)) {
      if (!inScope(l)) continue;
      const path = spanPath(l, m.index - l.start) ?? m[0].replace(/(?<![.:])[.:]+$/, '');
      if (allow.some((a) => path.includes(a))) continue;
      if (remote && !/^(?:\/Users\/|[A-Za-z]:[\\/]|file:)/.test(path)) continue;
      // Scratch files in /tmp (`--output /tmp/summary.json`) are anywhere's; a checkout the plan works in there is one machine's.
      if (path.startsWith('/tmp/') && !checkouts.has(tmpRoot(path))) continue;
      // A tool's own default location, named as such (`~/.cache/zig by default`), is not the plan's path.
      // So is one given beside the variable that moves it (`$HF_HOME` or `~/.cache/huggingface`), in any language.
      if (/^(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%)/.test(path) && (DEFAULT_LOCATION.test(l.text) || ENV_VARIABLE.test(l.text))) continue;
      const column = m.index - l.start + 1;
      ctx.report({
        message: `The path "${path}" only exists on one machine; expected a path relative to the repository root.`,
        line: l.line,
        column,
        endLine: l.line,
        endColumn: column + path.length,
      });
    }
  },
};

// An environment variable other than the home's own: `$HF_HOME`, `${XDG_CACHE_HOME}`, `%APPDATA%`.
const ENV_VARIABLE = /\$\{?(?!HOME\b|PATH\b|PWD\b|USER\b)[A-Z][A-Z0-9]*_[A-Z0-9_]+\}?|%(?!USERPROFILE%|HOMEPATH%)[A-Z][A-Z0-9_]*%/;
const DEFAULT_LOCATION = /\bby default\b|\bdefaults? to\b|\bdefault (?:location|path|folder|directory|cache)\b|默认|デフォルト|por defecto|par défaut|standardmäßig|по умолчанию/i;
const REMOTE_WORDS = /\b(?:remote (?:server|host|machine|disk)s?|on the (?:server|host|cluster|nodes?)|cluster nodes?|each node|ssh\s+\S+@|worker nodes?)\b|远端|远程服务器|服务器上|集群|节点|リモート|サーバー上|удалённ(?:ом|ый) сервер|на сервере|servidor remoto|serveur distant/i;

const TMP_PATH = /(?<![\w.~/:@$%-])\/tmp\/[\w.@-]+/g;
const WORKS_IN = /\b(?:working directory|work(?:ing)? in|checkout|checked out|clone[ds]?|worktree|repository root|repo root)\b|^\s*(?:\$\s*)?cd\s/i;

/** `/tmp/<name>` of a path in /tmp. */
function tmpRoot(path: string): string {
  return /^\/tmp\/[\w.@-]+/.exec(path)?.[0] ?? path;
}

/** The folders in /tmp the plan works in: named as its working directory, cloned into, `cd`-ed to, or standing alone as a code line. */
function tmpCheckouts(lines: readonly PlanLine[]): Set<string> {
  const out = new Set<string>();
  lines.forEach((l, i) => {
    if (!l.text.includes('/tmp/')) return;
    const alone = l.kind === 'code' && /^\s*\/tmp\/[\w.@/-]+\/?\s*$/.test(l.text);
    const said = WORKS_IN.test(l.text) || (i > 0 && /working directory/i.test(lines[i - 1]!.text));
    if (!alone && !said) return;
    for (const m of l.text.matchAll(TMP_PATH)) out.add(m[0]);
  });
  return out;
}

/** Whether the plan says, at least twice, that its work happens on a server, a cluster or its nodes. */
function isRemoteWork(lines: readonly PlanLine[]): boolean {
  let n = 0;
  for (const l of lines) if (l.kind === 'prose' && REMOTE_WORDS.test(l.text) && ++n >= 2) return true;
  return false;
}

/**
 * The whole of a code span that starts with the path at `offset` (`/Users/Dana Lee/app`), which
 * may have spaces in it; undefined when the path is not at the start of a code span.
 */
function spanPath(l: PlanLine, offset: number): string | undefined {
  if (l.kind !== 'prose' || l.text.charCodeAt(offset - 1) !== 0x60) return undefined;
  const span = inlineCode(l.text).find((s) => s.start === offset);
  return span?.content.trimEnd();
}

/**
 * Prose and inline code count, and commands in code blocks: every line of a shell block, `$ ` lines
 * elsewhere. Other code (program output, logs, stack traces, data) is evidence as it was captured,
 * where a machine's paths are expected, so it is left alone.
 */
function inScope(l: PlanLine): boolean {
  if (l.kind !== 'code') return true;
  const block = l.block!;
  if (isFenceLine(l.text)) return false;
  if (block.kind === 'fence' && isShellBlock(block)) return !/^\s*#/.test(l.text);
  // An indented block of commands (`python /…/init_skill.py`, a working directory alone) is a shell's too.
  return PROMPT_LINE.test(l.text) || (block.kind === 'indented' && (startsWithProgram(l.text) || /^\s*(?:for|if|while)\s|^\s*\/[\w.@/-]+(?:\s*$|\s+[-/"$])/.test(l.text)));
}

function isFenceLine(text: string): boolean {
  return /^\s*(?:`{3,}|~{3,})/.test(text);
}
