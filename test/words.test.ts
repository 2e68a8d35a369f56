import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saysChange } from '../src/rules/referenced-paths-exist.js';
import { statesExpectation } from '../src/rules/validation-observable.js';
import { wordTest } from '../src/rules/util/words.js';

// The regular expressions the word tests replace: they must answer alike on any text.
const CHANGE_WORDS =
  /\b(?:creat(?:e|es|ed|ing)|add(?:s|ed|ing)?|new|introduc(?:e|es|ed|ing)|generat(?:e|es|ed|ing)|writ(?:e|es|ing|ten)|scaffold(?:s|ed|ing)?|produc(?:e|es|ed|ing)|emit(?:s|ted)?|outputs?|renam(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|drop(?:s|ped)?|retir(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|split|extract(?:s|ed)?|cop(?:y|ies|ied)|will (?:contain|hold|live))\b|新增|新建|创建|删除|移除|\b(?:crear|nuev[oa]s?|eliminar)\b/i;
const EXPECTATION =
  /\b(?:expect(?:s|ed|ing)?|should|must|will (?:see|show|print|return|display|pass|fail|succeed|report|list|contain|exit)|returns?|prints?|outputs?|shows?|displays?|reports?|passe[sd]|pass(?:ing)?|succeed(?:s|ed)?|fails?|exit(?:s)? (?:code|with|0|1|non-zero|zero)|status|responds?|see(?:s)?|observ(?:e|es|ed|able)|appears?|contains?|renders?|accept(?:ed|s)?|verif(?:y|ies|ied)|confirm(?:s|ed)?|green)\b|=>|→|✅|预期|期望|esperad[oa]|resultado/i;

const CASES: [string, (text: string) => boolean, RegExp][] = [
  ['saysChange', saysChange, CHANGE_WORDS],
  ['statesExpectation', statesExpectation, EXPECTATION],
];

const corpus = new URL('../../shared/corpus/real/plans/', import.meta.url);
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(new URL(f, corpus), 'utf8'));

describe('word tests', () => {
  it('find words and phrases whole, ignoring case, as \\b(?:...)\\b/i does', () => {
    const test = wordTest(['new', 'add_on', 'x1'], ['will hold', 'exit non-zero']);
    for (const yes of ['a NEW file', 'new', '(new)', 'add_on here', 'X1', 'it Will Hold it', 'exit non-zero.', 'résumé new']) expect(test(yes), yes).toBe(true);
    for (const no of ['renew', 'news', 'new_file', 'newé'.slice(0, 0), 'add_ons', 'x12', 'will  hold', 'will holds', 'exit non-zeros', 'exit non-zero1', 'wil hold']) expect(test(no), no).toBe(false);
  });

  for (const [name, fn, oracle] of CASES) {
    it(`${name} answers as the regular expression it replaces, on every line and every whole real plan`, () => {
      let hits = 0;
      for (const text of texts) {
        expect(fn(text)).toBe(oracle.test(text));
        for (const line of text.split('\n')) {
          const want = oracle.test(line);
          if (want) hits++;
          expect(fn(line), line).toBe(want);
        }
      }
      // Both answers occur: the comparison is not all one way.
      expect(hits).toBeGreaterThan(50);
    });

    it(`${name} answers as the regular expression it replaces, on random text made of its words`, () => {
      const vocabulary = oracle.source.match(/[A-Za-z0-9_-]{2,}|[\u0080-\uffff]+/g)!.map((w) => w.replace(/[()?|\\]/g, ''));
      const piece = fc.oneof(
        fc.constantFrom(...vocabulary, 'will', 'exit', 'exits', 'see', 'es', 'ing', 'ed', 's'),
        fc.constantFrom(' ', '  ', '-', '_', '.', '/', '`', 'é', 'İ', 'K', '\n', '0', '1', '=', '>', '→'),
        fc.string({ maxLength: 3 }),
      );
      const text = fc.array(piece, { maxLength: 12 }).chain((parts) => fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length }).map((up) => parts.map((p, i) => (up[i] ? p.toUpperCase() : p)).join('')));
      fc.assert(
        fc.property(text, (t) => {
          expect(fn(t), JSON.stringify(t)).toBe(oracle.test(t));
        }),
        { numRuns: 5000 },
      );
    });
  }
});
