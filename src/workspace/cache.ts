/**
 * Small JSON caches under `<root>/.execplan/cache/`, so repeated runs over unchanged plans read
 * no more than they must. A cache is only ever a shortcut: unreadable, stale or foreign entries
 * are ignored, and failing to write one never fails the command.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ExecplanError } from './errors.js';
import { readJson } from './on-disk.js';
import { mkdirInside, writablePath } from './safe-path.js';
import type { Workspace } from './workspace.js';
import { VERSION } from '../version.js';

/** The folder that holds the caches; it ignores itself in git. */
export function cacheDir(ws: Workspace): string {
  return path.join(ws.root, '.execplan', 'cache');
}

/** The key of a cache of what plans parse to: section aliases change what a plan parses to, so they are part of it. */
export function parseKey(ws: Workspace): string {
  return `${VERSION}:${JSON.stringify(ws.config.sections)}`;
}

/** Give a folder of execplan's own a `.gitignore` of `*`, so nothing in it shows up as a change; one already there is kept. */
export function ignoreInGit(root: string, dir: string, what: string): void {
  const file = writablePath(root, path.join(dir, '.gitignore'), what);
  try {
    writeFileSync(file, '*\n', { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Read a cache file written by `writeCache` with the same `key`, or undefined. */
export function readCache<T>(file: string, key: string): T | undefined {
  const data = readJson(file) as { key?: string; entries?: T } | undefined;
  return data?.key === key ? data.entries : undefined;
}

/**
 * Write a cache file of the repository at `root` atomically (temporary file + rename). A cache is
 * optional: a failure to write it is swallowed, except a refusal because a symbolic link on the
 * way leads outside the repository, which is returned for the command to report.
 */
export function writeCache(root: string, file: string, key: string, entries: unknown): ExecplanError | undefined {
  try {
    const dir = path.dirname(file);
    mkdirInside(root, dir, 'cache folder');
    ignoreInGit(root, dir, 'cache file');
    writeFileAtomic(writablePath(root, file, 'cache file'), JSON.stringify({ key, entries }));
  } catch (err) {
    if (err instanceof ExecplanError && err.code === 'UNSAFE_PATH') return err;
    // A read-only checkout still lists and lints; it just cannot remember.
  }
  return undefined;
}
