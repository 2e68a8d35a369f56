/** Section headings use the canonical spelling at H2: no typos, sentence case, numbering or other levels. */
import { normalizeHeading } from '../core/sections.js';
import type { Rule } from './types.js';
import { SECTION_LEVEL, sectionTitle, sectionsRaiseToH2 } from './util/sections.js';

/** Rule: heading-style. */
export const rule: Rule = {
  meta: {
    id: 'heading-style',
    description: 'Section headings are written as in the skeleton: canonical spelling, at H2.',
    severity: 'error',
    recommended: 'warn',
    fixable: true,
    requirement: 'ExecPlan skeleton (copy into a new file): `## Progress`, `## Surprises & Discoveries`, `## Decision Log` ... as written there.',
    options: { allowVariants: false },
  },
  check(ctx) {
    const allowVariants = ctx.options.allowVariants === true;
    const hashes = '#'.repeat(SECTION_LEVEL);
    // Raising sections to H2 is safe only when every one above H2 can be raised and nothing else
    // stays there: no heading of the plan's own above H2 (`# Testing Approach` among `# Progress`-
    // style sections) and no H2 inside one of them, which would become its sibling.
    const canRaise = sectionsRaiseToH2(ctx.plan, ctx.lines);
    for (const s of ctx.plan.sections) {
      if (!s.key || !s.match) continue;
      const title = sectionTitle(s.key, ctx.sections);
      const written = `${'#'.repeat(s.level)} ${s.heading}`;
      if (s.level > SECTION_LEVEL) {
        // A canonical heading nested under another section (often inside a milestone): moving it up
        // would change the document's structure, so this is reported without a fix.
        ctx.report({ message: `Heading "${written}" is at level ${s.level}, below the other sections; expected the section as "${hashes} ${title}".`, line: s.line, column: 1 });
        continue;
      }
      const configured = (ctx.sections.aliases[s.key] ?? []).some((a) => normalizeHeading(a) === normalizeHeading(s.heading));
      const spellingOk = s.match === 'exact' || s.match === 'custom' || configured || (s.match === 'variant' && allowVariants);
      if (spellingOk && s.level === SECTION_LEVEL) continue;
      const why = spellingOk
        ? `is at level ${s.level}`
        : s.match === 'misspelled'
          ? `misspells "${title}"`
          : `is a variant of "${title}"`;
      // The fix renames only what loses none of the author's words: a typo, case, `and` for `&`,
      // punctuation. Another name, a number, a suffix or a translation is theirs to change; the
      // fix then only moves the heading to H2, when it is not there.
      // A section the plan writes twice (a variant and a numbered one, say) keeps its heading: which
      // one is the section is the author's call, and renaming one makes it the duplicate well-formed reports.
      const twice = ctx.plan.sections.some((x) => x !== s && x.key === s.key);
      const renamed = !spellingOk && !twice && (s.match === 'misspelled' || sameWords(s.heading, title));
      const raised = s.level < SECTION_LEVEL && canRaise;
      const text = `${raised ? hashes : '#'.repeat(s.level)} ${renamed ? title : s.heading}`;
      ctx.report({
        message: `Heading "${written}" ${why}; expected "${hashes} ${spellingOk ? s.heading : title}".`,
        line: s.line,
        column: 1,
        ...(renamed || raised ? { fix: [{ start: s.headingRange.start, end: s.headingRange.end, text }] } : {}),
      });
    }
  },
};

/** Whether two headings have the same words, in the same order, whatever their case, emphasis and punctuation. */
function sameWords(a: string, b: string): boolean {
  const words = (t: string) =>
    t
      .normalize('NFC')
      .replace(/[*_`]/g, '')
      .replace(/&/g, ' and ')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return words(a) === words(b);
}
