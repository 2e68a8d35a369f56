/**
 * A small glob matcher for plan paths: `*`, `?`, `**`, `[abc]`, `[!a-z]` and `{a,b}`. Node 20's
 * own `path.matchesGlob` prints an experimental-feature warning, which a linter must not do.
 */

/** Whether `pattern` uses any glob syntax, as opposed to naming one path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Compile a glob over `/`-separated paths into a regular expression matching whole paths. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(pattern)}$`);
}

function translate(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*') {
      if (p[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const atSegmentStart = i === 0 || p[i - 1] === '/';
        i++;
        if (atSegmentStart && p[i + 1] === '/') {
          out += '(?:[^/]*(?:/|$))*';
          i++;
        } else if (atSegmentStart && i === p.length - 1) out += '.*';
        else out += '[^/]*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let body = p.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else if (ch === '{') {
      const close = matchingBrace(p, i);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${splitAlternatives(p.slice(i + 1, close)).map(translate).join('|')})`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < p.length) {
      out += escape(p[++i]!);
    } else out += escape(ch);
  }
  return out;
}

function escape(ch: string): string {
  return /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

function matchingBrace(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
