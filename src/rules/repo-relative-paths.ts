/** Paths in the plan are repository-relative: no home folders, drive letters or machine-specific roots. */
import type { Rule } from './types.js';
import { inlineCode, isShellBlock, matchesByLine, PROMPT_LINE, type PlanLine } from './util/text.js';

// Each alternative is a path that only makes sense on one machine.
const ABSOLUTE = new RegExp(
  [
    String.raw`(?<![\w.~/:@$%-])/(?:home|Users|root|workspaces?)/[^\s\x60'"()<>\[\]{}|,;]+`,
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
    description: 'Paths are repository-relative: no `/home/...`, `/Users/...`, `C:\\...`, `~/` or `file:///` paths.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'Non-negotiable 1, "Be fully self-contained": all paths are repository-relative.',
    options: { allow: [] },
  },
  check(ctx) {
    const allow = Array.isArray(ctx.options.allow) ? (ctx.options.allow as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    // No match can span a line break, and the look-behinds see a line break where a line starts.
    for (const { match: m, line: l } of matchesByLine(ctx.lines, ctx.plan.source, ABSOLUTE)) {
      if (!inScope(l)) continue;
      const path = spanPath(l, m.index - l.start) ?? m[0].replace(/(?<![.:])[.:]+$/, '');
      if (allow.some((a) => path.includes(a))) continue;
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
  return PROMPT_LINE.test(l.text);
}

function isFenceLine(text: string): boolean {
  return /^\s*(?:`{3,}|~{3,})/.test(text);
}
