/**
 * What an interrupted process can leave in a plan folder, found and removed for `execplan doctor`:
 * temporary files of a killed edit (see atomic-write.ts), locks whose holder is gone (see
 * lock.ts), and an artifacts folder on the wrong side of a move.
 */
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readLockOwner, type LockOwner } from './lock.js';
import { namesIn } from './on-disk.js';
import { assertRealInside } from './safe-path.js';

/** A file left in a plan folder. */
export type Leftover = { kind: 'temp'; file: string; pid: number } | { kind: 'lock'; file: string; owner: LockOwner };

/** The temporary files and locks in `dir` (absolute paths); nothing when it cannot be read. */
export function leftoversIn(dir: string): Leftover[] {
  const out: Leftover[] = [];
  for (const name of namesIn(dir)) {
    const file = path.join(dir, name);
    const temp = /^\..+\.md\.(\d+)\.[0-9a-f]+\.execplan-tmp$/.exec(name);
    if (temp) out.push({ kind: 'temp', file, pid: Number(temp[1]) });
    if (name.endsWith('.md.lock')) {
      const owner = readLockOwner(file.slice(0, -'.lock'.length));
      if (owner) out.push({ kind: 'lock', file, owner });
    }
  }
  return out;
}

/** Remove a leftover file or lock folder. */
export function removeLeftover(file: string): void {
  rmSync(file, { recursive: true, force: true });
}

/** Whether `p` is in its folder under exactly this name (a file system that ignores case would find it under another). */
export function hasEntry(p: string): boolean {
  return namesIn(path.dirname(p)).includes(path.basename(p));
}

/** Move a folder of the repository `root` to another place in it; no symbolic link on either path may lead outside. */
export function moveFolderInside(root: string, from: string, to: string, what: string): void {
  assertRealInside(root, to, what);
  assertRealInside(root, from, what);
  renameSync(from, to);
}
