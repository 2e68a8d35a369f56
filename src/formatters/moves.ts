/** The moves of an archive or reopen, as text: one line per file or folder moved. */
import type { MoveResult } from '../workspace/archive.js';

/** The moves of an archive or reopen, one per line, after `verb` and the plan's id. */
export function renderMoves(result: MoveResult, verb: string): string {
  const lines = [`${verb} ${result.id}:`];
  for (const m of result.moves) lines.push(`  ${m.from}${m.kind === 'artifacts' ? '/' : ''} -> ${m.to}${m.kind === 'artifacts' ? '/' : ''}`);
  return `${lines.join('\n')}\n`;
}
