/**
 * Small JSON caches under `<root>/.execplan/cache/`, so repeated runs over unchanged plans read
 * no more than they must. A cache is only ever a shortcut: unreadable, stale or foreign entries
 * are ignored, and failing to write one never fails the command.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Workspace } from './workspace.js';

/** The folder that holds the caches; it ignores itself in git. */
export function cacheDir(ws: Workspace): string {
  return path.join(ws.root, '.execplan', 'cache');
}

/** Read a cache file written by `writeCache` with the same `key`, or undefined. */
export function readCache<T>(file: string, key: string): T | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { key?: string; entries?: T };
    return data.key === key ? data.entries : undefined;
  } catch {
    return undefined;
  }
}

/** Write a cache file atomically (temp file + rename); errors are swallowed: a cache is optional. */
export function writeCache(file: string, key: string, entries: unknown): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' });
    } catch {
      // Already there.
    }
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, entries }));
    renameSync(tmp, file);
  } catch {
    // A read-only checkout still lists and lints; it just cannot remember.
  }
}
