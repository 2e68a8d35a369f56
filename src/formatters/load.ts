/** The formatters, each loaded only when a run needs it. */
import type { Formatter, FormatName } from './types.js';

/** Load only the formatter the run needs. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  if (name === 'json') return import('./json.js');
  if (name === 'sarif') return import('./sarif.js');
  if (name === 'github') return import('./github.js');
  return import('./stylish.js');
}
