/** The plan's file is named like the specification says: `YYYY-MM-DD_short-description.md`. */
import type { Rule } from './types.js';

/** A word of the description: lower-case ASCII, or letters of any script without capitals, as `execplan new` writes them. */
const WORD = '(?:[a-z0-9]|[^\\p{ASCII}\\p{Lu}\\p{Lt}\\s\\p{P}\\p{S}\\p{C}\\p{Z}])+';
const NAME = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})_${WORD}(?:-${WORD})*\\.md$`, 'u');

/** Rule: file-name. */
export const rule: Rule = {
  meta: {
    id: 'file-name',
    description: 'The file name follows `YYYY-MM-DD_short-description.md` with a real date.',
    severity: 'warn',
    recommended: 'off',
    fixable: false,
    requirement: 'ExecPlan skeleton: "Create a new file in `.agent/execplans/` named like: `YYYY-MM-DD_short-description.md`."',
  },
  check(ctx) {
    const name = ctx.file.name;
    const m = NAME.exec(name);
    const realDate = m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (m && realDate) return;
    ctx.report({
      message: m
        ? `The file name "${name}" starts with a date that does not exist; expected "YYYY-MM-DD_short-description.md".`
        : `The file name "${name}" does not follow "YYYY-MM-DD_short-description.md"; expected a date, an underscore and a lower-case kebab-case description.`,
      line: 1,
      column: 1,
    });
  },
};

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
