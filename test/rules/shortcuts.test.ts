import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PLACES, saysCd, WHERE } from '../../src/rules/concrete-steps.js';
import { hasWord } from '../../src/rules/util/text.js';
import { COMMON_EXPECTATIONS, EXPECTATION } from '../../src/rules/validation-observable.js';

// The rules look for common words before compiling their large patterns: a word found must mean
// the pattern matches too, on any text.
const SHORTCUTS: [string, (text: string) => boolean, RegExp, string[]][] = [
  ['validation-observable', (t) => COMMON_EXPECTATIONS.some((w) => hasWord(t, w)), EXPECTATION, COMMON_EXPECTATIONS],
  ['concrete-steps', (t) => COMMON_PLACES.some((w) => hasWord(t, w)) || saysCd(t), WHERE, [...COMMON_PLACES, 'cd', 'cd ', ' cd']],
];

describe('shortcuts before large patterns', () => {
  it('find a word only with non-word characters on both sides', () => {
    for (const yes of ['should', 'it should.', '(should)', 'x\nshould\n', 'é should']) expect(hasWord(yes, 'should'), yes).toBe(true);
    for (const no of ['shoulder', 'shoulds', 'should_', '_should', 'shouldn', 'xshould', 'Should']) expect(hasWord(no, 'should'), no).toBe(false);
  });

  for (const [rule, shortcut, pattern, words] of SHORTCUTS) {
    it(`${rule}: every text the shortcut accepts, the pattern matches`, () => {
      const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '  ', '\n', '\t', '-', '_', 'x', 'é', ';', '(', '`', '$', '&', 'app', 'S'), fc.string({ maxLength: 3 }));
      let accepted = 0;
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (text) => {
          if (!shortcut(text)) return;
          accepted++;
          expect(pattern.test(text), JSON.stringify(text)).toBe(true);
        }),
        { numRuns: 5000 },
      );
      expect(accepted).toBeGreaterThan(500);
    });
  }
});
