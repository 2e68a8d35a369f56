/** The formatters, each loaded only when a run needs it. */
import type { Formatter, FormatName, StreamingFormatter } from './types.js';

/** Load only the formatter the run needs. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'json':
      return (await import('./json.js')).format;
    case 'github':
      return (await import('./github.js')).format;
    case 'sarif':
      return (await import('./sarif.js')).format;
    default:
      return (await import('./stylish.js')).format;
  }
}

/** The per-file form of a format: every format has one. */
export async function loadStreamingFormatter(name: FormatName): Promise<StreamingFormatter> {
  if (name === 'json') return import('./json.js');
  if (name === 'sarif') return import('./sarif.js');
  if (name === 'github') return import('./github.js');
  return import('./stylish.js');
}
