/** Section headings use the canonical spelling at H2: no typos, sentence case, numbering or other levels. */
import { normalizeHeading } from '../core/sections.js';
import type { Rule } from './types.js';
import { SECTION_LEVEL, sectionTitle } from './util/sections.js';

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
      const heading = spellingOk ? s.heading : title;
      const why = spellingOk
        ? `is at level ${s.level}`
        : s.match === 'misspelled'
          ? `misspells "${title}"`
          : `is a variant of "${title}"`;
      ctx.report({
        message: `Heading "${written}" ${why}; expected "${hashes} ${heading}".`,
        line: s.line,
        column: 1,
        fix: [{ start: s.headingRange.start, end: s.headingRange.end, text: `${hashes} ${heading}` }],
      });
    }
  },
};
