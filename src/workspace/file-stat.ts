/** A file's size and modification time, without loading the parser (hooks start with this). */
import { statSync } from 'node:fs';
import { errnoWords, ExecplanError } from './errors.js';

/** A plan file's size and modification time, with an error that names it when it cannot be read. */
export function fileStat(file: string, shown: string = file): { size: number; mtimeMs: number } {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs };
  } catch (err) {
    throw new ExecplanError('IO', `Cannot read ${shown}: ${errnoWords(err) ?? (err as Error).message}.`, { file: shown });
  }
}
