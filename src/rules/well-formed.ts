/** What the parser could not make sense of: broken front matter, unclosed fences, duplicated sections. */
import type { Rule } from './types.js';

const EXPECTED: Record<string, string> = {
  'front-matter-malformed': 'expected `key: value` lines between two `---` lines',
  'front-matter-unclosed': 'expected a closing `---` line after the front matter',
  'outer-fence-unclosed': 'expected a closing fence at the end of the file, or no outer fence at all',
  'fence-unclosed': 'expected a closing fence line',
  'duplicate-section': 'expected each section once; merge the two',
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
    const { lines } = ctx;
    for (const block of plan.codeBlocks) {
      if (block.kind !== 'fence') continue;
      const open = /^[\s>]*(`{3,}|~{3,})/.exec(lines[block.line - 1]?.text ?? '');
      if (!open) continue;
      const marker = open[1]!;
      const last = (lines[block.endLine - 1]?.text ?? '').replace(/^[\s>]*/, '').trimEnd();
      const closed = block.endLine > block.line && last.length >= marker.length && [...last].every((c) => c === marker[0]);
      if (!closed) {
        ctx.report({ message: `The code fence \`${marker}\` opened on line ${block.line} is never closed; ${EXPECTED['fence-unclosed']}.`, line: block.line, column: 1 });
      }
    }
  },
};
