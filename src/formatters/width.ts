/** Display width of text in a terminal, measured by string-width only where it must be. */
import stringWidth from 'string-width';

// Printable ASCII, Latin-1 to IPA, Greek and Cyrillic (but not its combining marks), general
// punctuation (dashes, quotes, ellipsis) and arrows: one column per code unit.
const NARROW_CHARS = '\\u0020-\\u007e\\u00a0-\\u00a8\\u00aa-\\u00ac\\u00af-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u203b\\u203d-\\u2048\\u204a-\\u205e\\u2190-\\u2193\\u219a-\\u21a8\\u21ab-\\u21ff';
// CJK punctuation, kana, ideographs, Hangul syllables and fullwidth forms, without their combining
// marks: two columns per code unit.
const WIDE_CHARS = '\\u3000-\\u3029\\u3041-\\u3096\\u30a1-\\u30fa\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uff01-\\uff60\\uffe0-\\uffe6';

const NARROW = new RegExp(`^[${NARROW_CHARS}]*$`);
const NARROW_OR_WIDE = new RegExp(`^[${NARROW_CHARS}${WIDE_CHARS}]*$`);
const WIDE = new RegExp(`[${WIDE_CHARS}]`, 'g');

/**
 * Display width of `s` in a terminal, as string-width measures it. string-width segments
 * graphemes, is a hundred times slower, and takes longer to load than a plan takes to lint (its
 * grapheme segmenter and emoji pattern are built on first use), so it only sees text with other
 * characters: emoji and what may render as emoji, combining and zero-width characters.
 */
export function displayWidth(s: string): number {
  if (NARROW.test(s)) return s.length;
  if (NARROW_OR_WIDE.test(s)) return s.length + (s.match(WIDE)?.length ?? 0);
  return stringWidth(s);
}
