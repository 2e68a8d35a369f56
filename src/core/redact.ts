/**
 * Text from a command line or its output made safe to keep in a plan or a transcript: values that
 * look like secrets masked, and control characters (terminal escapes) made visible.
 */

// Each pattern keeps what names the secret (`Bearer `, `sk-`, `password=`) and masks the value.
// Bounded or single-class quantifiers only: this runs over whole transcripts.
const SECRETS: readonly [RegExp, string][] = [
  [/\b(Bearer[ \t]{1,20})[\w.~+/=-]{8,}/gi, '$1****'],
  [/(?<![\w-])(sk-)[\w-]{16,}/g, '$1****'],
  [/\b(gh[pousr]_)[A-Za-z0-9]{30,}/g, '$1****'],
  [/\b(github_pat_)\w{20,}/g, '$1****'],
  [/\b((?:AKIA|ASIA)[0-9A-Z]{4})[0-9A-Z]{12}\b/g, '$1****'],
  [/\b((?:password|passwd|pwd|token|secret|api[_-]?key|access[_-]?key|client[_-]?secret|auth)=)("[^"\n]{0,500}"|'[^'\n]{0,500}'|[^\s&;,'"]+)/gi, '$1****'],
];

/** `text` with the values that look like secrets masked (`Bearer ****`, `sk-****`, `password=****`). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, mask] of SECRETS) out = out.replace(pattern, mask);
  return out;
}

/**
 * `text` with its control characters made visible: C0 characters and DEL as their Unicode control
 * pictures (ESC as `␛`, NUL as `␀`), C1 characters as `\x9b` escapes. Characters in `keep` (say a
 * line break) stay as they are.
 */
export function visibleControls(text: string, keep = ''): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (keep.includes(c)) return c;
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\x${code.toString(16)}`;
  });
}
