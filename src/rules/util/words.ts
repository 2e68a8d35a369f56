/**
 * Finding any of a list of words in text, as `/\b(?:word|word|two words)\b/i` would, without a
 * regular expression.
 *
 * V8 compiles a regular expression the first time it runs it, and again to machine code the
 * second time: for an alternation of some fifty words that takes one to two milliseconds, which a
 * one-plan lint pays in full for each such list it asks about. Looking each word of the text up in
 * a set costs a fraction of that, cold or warm. test/words.test.ts checks the matchers against
 * the regular expressions they replace, over the real plans and random text.
 */

/** Whether a UTF-16 code unit is a word character of a regular expression without the `u` flag: `[A-Za-z0-9_]`. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `text` holds `rest` at `at`, ASCII letters compared without case (`rest` is lowercase). */
function holdsAt(text: string, at: number, rest: string): boolean {
  if (at + rest.length > text.length) return false;
  for (let j = 0; j < rest.length; j++) {
    let c = text.charCodeAt(at + j);
    if (c >= 65 && c <= 90) c |= 0x20;
    if (c !== rest.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * A test for whole words and phrases, ignoring the case of ASCII letters. `words` are single words
 * of word characters; each phrase is a word followed by more text (`will contain`,
 * `exit non-zero`) and ends with a word character. A word or phrase counts where the text has a
 * non-word character (or its start or end) on both sides of it.
 */
export function wordTest(words: readonly string[], phrases: readonly string[] = []): (text: string) => boolean {
  const single = new Set(words.map((w) => w.toLowerCase()));
  // A phrase is looked up by its first word; the rest must follow that word as written.
  const rests = new Map<string, string[]>();
  for (const phrase of phrases) {
    const p = phrase.toLowerCase();
    let end = 0;
    while (end < p.length && isWordChar(p.charCodeAt(end))) end++;
    const first = p.slice(0, end);
    let list = rests.get(first);
    if (!list) rests.set(first, (list = []));
    list.push(p.slice(end));
  }
  return (text) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // Word characters are ASCII: lowercasing cannot change the word's length.
      const word = text.slice(start, i).toLowerCase();
      if (single.has(word)) return true;
      const after = rests.get(word);
      if (after) {
        for (const rest of after) {
          if (holdsAt(text, i, rest) && !isWordChar(text.charCodeAt(i + rest.length))) return true;
        }
      }
    }
    return false;
  };
}
