/** YAML front matter at the top of a plan, and the known broken form with no opening `---`. */
import type { FrontMatter, ParseDiagnostic } from '../types.js';
import type { Doc } from './doc.js';

/** Read the front matter, if the plan starts with one; problems become diagnostics. */
export function readFrontMatter(doc: Doc, diagnostics: ParseDiagnostic[]): FrontMatter | undefined {
  const { lines, source } = doc;
  const startOffset = doc.bom ? 1 : 0;
  if (lines[0]?.trimEnd() === '---') {
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!.trimEnd();
      if (l === '---' || l === '...') {
        close = i;
        break;
      }
    }
    if (close === -1) {
      diagnostics.push({ code: 'front-matter-unclosed', message: 'Front matter opened with "---" on line 1 is never closed.', line: 1 });
      return undefined;
    }
    const body = lines.slice(1, close);
    const bad = body.some((l) => l.trim() && !/^\s/.test(l) && !l.startsWith('#') && !/^-\s/.test(l) && !isKeyLine(l));
    if (bad) diagnostics.push({ code: 'front-matter-malformed', message: 'Front matter has lines that are not YAML keys.', line: 2 });
    const end = doc.endOf(close);
    return { raw: source.slice(startOffset, end), range: { start: startOffset, end }, line: 1, endLine: close + 1, malformed: bad, keys: readKeys(body) };
  }
  // YAML key lines with no opening `---`, closed by one: a known broken form.
  let i = 0;
  while (i < lines.length && /^[A-Za-z_][\w-]*:(?:\s|$)/.test(lines[i]!)) i++;
  if (i >= 2 && lines[i]?.trimEnd() === '---') {
    diagnostics.push({ code: 'front-matter-malformed', message: 'Front matter has no opening "---" line.', line: 1 });
    const end = doc.endOf(i);
    return { raw: source.slice(startOffset, end), range: { start: startOffset, end }, line: 1, endLine: i + 1, malformed: true, keys: readKeys(lines.slice(0, i)) };
  }
  return undefined;
}

function isKeyLine(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && (colon === line.length - 1 || /\s/.test(line[colon + 1]!));
}

function readKeys(lines: string[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const l of lines) {
    const m = /^([A-Za-z_][\w-]*):(.*)$/.exec(l);
    if (m) keys[m[1]!] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return keys;
}
