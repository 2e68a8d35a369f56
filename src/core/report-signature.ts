/**
 * Recognising a report `execplan lint` wrote, so `--output` replaces its own earlier reports
 * freely but never another file. A report is recognised by its content, in each format:
 * - json: one JSON object with `version`, numeric `errorCount` and `fileCount`, and a `results` array;
 * - sarif: a SARIF log whose first run's tool is named `execplan`;
 * - github: every line a workflow command (`::error …`, `::warning …`, `::notice …`);
 * - stylish: its closing summary as the last line (`✔ N plans checked: no problems`,
 *   `✖ N problems (…)` or `N fixable with --fix` after it), colour codes allowed.
 * An empty file holds nothing to lose and counts as replaceable.
 */

// Colour codes a report printed for a terminal may hold; linear: one bounded class, one literal.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]{0,20}m/g;
const STYLISH_LAST = [/^✔ \d+ plans? checked: no problems$/, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/, /^ {2}\d+ fixable with --fix$/];

/** Whether `text` is a lint report of execplan's (or empty). */
export function isExecplanReport(text: string): boolean {
  if (text.trim() === '') return true;
  if (text.trimStart().startsWith('{')) return isJsonReport(text);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
  if (lines.every((l) => /^::(?:error|warning|notice) /.test(l))) return true;
  const last = lines[lines.length - 1]!.replace(SGR, '');
  return STYLISH_LAST.some((re) => re.test(last));
}

function isJsonReport(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Record<string, unknown>;
  if (typeof d.version === 'string' && typeof d.errorCount === 'number' && typeof d.fileCount === 'number' && Array.isArray(d.results)) return true;
  const runs = d.runs as { tool?: { driver?: { name?: unknown } } }[] | undefined;
  return Array.isArray(runs) && runs[0]?.tool?.driver?.name === 'execplan';
}
