/** Concrete Steps spells out the commands and says where to run them. */
import type { Rule } from './types.js';
import { joined, sectionLines, showsCommand } from './util/commands.js';
import { findSection, sectionGuidance } from './util/sections.js';

// "from the repository root", "working directory", "cd app/", "run in `services/api`", "(repo root)". A span with a
// file extension ("in `src/a.ts`, change ...") names a file to edit, not a place to run from.
const WHERE =
  /\b(?:repo(?:sitory)?[ -]root|project[ -]root|root (?:of|directory|folder)|top[ -]level (?:directory|folder)|working[ -]director(?:y|ies)|workdir|cwd)\b|(?:^|[\s;&($`])cd\s+\S|\b(?:from|in|inside|within|under)\s+(?:the\s+)?`\.?[^`.\s]+\/?`|\b(?:from|in|inside|within)\s+(?:the\s+)?[\w.-]+\/(?:\s|$|[,.;:)])|\b(?:run|execute|invoke)\b[^.\n]*\b(?:from|in|inside|within)\s+(?:the\s+)?(?:repo|repository|project|root|directory|folder)\b|在(?:仓库|项目)根目录|desde la ra[ií]z/i;

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
    if (!joined(lines).replace(sectionGuidance('concrete-steps', ctx.sections) ?? '', '').trim()) return;
    if (!showsCommand(lines)) {
      ctx.report({ message: 'Concrete Steps shows no command; expected the exact commands to run, in a code block or as "$ command" lines.', line: section.line, column: 1 });
      return;
    }
    if (!WHERE.test(joined(lines))) {
      ctx.report({ message: 'Concrete Steps does not say where to run its commands; expected a working directory, such as "from the repository root" or "cd services/api".', line: section.line, column: 1 });
    }
  },
};
