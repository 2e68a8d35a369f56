/** Display width of text in a terminal, measured by string-width only where it must be. */
import stringWidth from 'string-width';

// Printable ASCII, Latin-1 to IPA, Greek and Cyrillic (but not its combining marks), general
// punctuation (dashes, quotes, ellipsis) and arrows: one column per code unit. string-width
// segments graphemes, is a hundred times slower and takes longer to load than a plan takes to
// lint, so it only sees the rest (CJK, emoji and what may render as emoji, combining and
// zero-width characters).
const NARROW = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff]*$/;

/** Display width of `s` in a terminal, as string-width measures it. */
export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : stringWidth(s);
}
