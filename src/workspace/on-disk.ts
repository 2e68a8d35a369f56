/** What is on disk, read without loading the parser (hooks start with this): a file's size and time, a folder's names, a JSON file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The names in the folder `dir`; none when it cannot be read. */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The value in the JSON file `file`; undefined when it cannot be read or parsed. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
