/** What the parser could not make sense of: broken front matter, unclosed fences, duplicated sections. */
import { MAX_NESTING } from '../core/block-parser.js';
import type { Rule } from './types.js';
import { fenceClosed } from './util/sections.js';

const EXPECTED: Record<string, string> = {
  'front-matter-malformed': 'expected `key: value` lines between two `---` lines',
  'front-matter-unclosed': 'expected a closing `---` line after the front matter',
  'outer-fence-unclosed': 'expected a closing fence at the end of the file, or no outer fence at all',
  'fence-unclosed': 'expected a closing fence line',
  'duplicate-section': 'expected each section once; merge the two',
  'nesting-too-deep': `expected lists nested at most ${MAX_NESTING / 2 - 1} levels deep and quotes ${MAX_NESTING - 1}; flatten them from that line`,
  'conflict-markers': 'expected the merge resolved: keep the lines that should stay and delete every `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>` line',
};

/** Rule: well-formed. */
export const rule: Rule = {
  meta: {
    id: 'well-formed',
    description: 'Front matter, fences and sections are well formed: nothing unclosed, no section twice, no merge conflict markers left.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'ExecPlan skeleton: one document with each section once.',
  },
  check(ctx) {
    const { plan } = ctx;
    for (const d of plan.diagnostics) {
      const expected = EXPECTED[d.code];
      if (expected) ctx.report({ message: `${d.message.replace(/\.$/, '')}; ${expected}.`, line: d.line, column: 1 });
    }
    if (plan.diagnostics.some((d) => d.code === 'fence-unclosed')) return;
    // markdown-it runs an unclosed fence to the end of the document; find the ones whose last line is no closer.
    for (const block of plan.codeBlocks) {
      if (block.kind !== 'fence' || fenceClosed(plan, block)) continue;
      const marker = /^[\s>]*(`{3,}|~{3,})/.exec(ctx.lines[block.line - 1]?.text ?? '')![1]!;
      ctx.report({ message: `The code fence \`${marker}\` opened on line ${block.line} is never closed; ${EXPECTED['fence-unclosed']}.`, line: block.line, column: 1 });
    }
  },
};
