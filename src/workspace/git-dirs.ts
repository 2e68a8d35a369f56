/**
 * Where a work tree's git data is, the commit HEAD points at, and a few settings, read from git's
 * own files: no process, no child_process module, so any command can ask.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The git folders of a clone or worktree: its own (`.git`, or `.git/worktrees/<name>`) and the shared one. */
export interface GitDirs {
  gitDir: string;
  commonDir: string;
}

/** The git folders of the work tree at `root`, read from `.git` (a folder, or a `gitdir:` file in a worktree); undefined outside git. */
export function gitDirs(root: string): GitDirs | undefined {
  const dotGit = path.join(root, '.git');
  let stat;
  try {
    stat = statSync(dotGit);
  } catch {
    return undefined;
  }
  // A folder without HEAD is not a repository git would read.
  if (stat.isDirectory()) return existsSync(path.join(dotGit, 'HEAD')) ? { gitDir: dotGit, commonDir: dotGit } : undefined;
  const value = /^gitdir:(.*)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]!.trim();
  if (!value) return undefined;
  const gitDir = path.resolve(root, value);
  let commonDir = gitDir;
  const common = path.join(gitDir, 'commondir');
  if (existsSync(common)) commonDir = path.resolve(gitDir, readFileSync(common, 'utf8').trim());
  return { gitDir, commonDir };
}

/**
 * The commit HEAD points at, read from the files (`HEAD`, `refs/heads/...`, `packed-refs`) without
 * running git; undefined when it cannot be told that way (no commit yet, an unusual ref store).
 */
export function headCommit(dirs: GitDirs): string | undefined {
  try {
    const head = readFileSync(path.join(dirs.gitDir, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40,64}$/.test(head)) return head;
    const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    for (const dir of [dirs.gitDir, dirs.commonDir]) {
      const file = path.join(dir, ref);
      if (existsSync(file)) {
        const oid = readFileSync(file, 'utf8').trim();
        return /^[0-9a-f]{40,64}$/.test(oid) ? oid : undefined;
      }
    }
    const packed = readFileSync(path.join(dirs.commonDir, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) {
      const [oid, name] = line.split(' ');
      if (name === ref && oid && /^[0-9a-f]{40,64}$/.test(oid)) return oid;
    }
  } catch {
    // Unreadable: the caller asks git.
  }
  return undefined;
}

/**
 * The values of `key` in the `[section]` blocks (only `[section "sub"]` ones when `sub` is given) of
 * the git config file `file`, in order; none when it cannot be read. Enough of git's format for the
 * settings read without a process: no includes, no continued lines.
 */
export function configValues(file: string, section: string, key: string, sub?: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const values: string[] = [];
  let inside = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let line = raw.trim();
    if (line.startsWith('[')) {
      const header = /^\[\s*([^\]\s"]+)(?:\s+"([^"]*)")?\s*\]/.exec(line);
      inside = Boolean(header && header[1]!.toLowerCase() === section && (sub === undefined || header[2] === sub));
      // A setting may follow the header on its line.
      line = header ? line.slice(header[0].length).trim() : '';
    }
    const setting = inside ? /^([\w-]+)\s*=(.*)$/.exec(line) : null;
    if (setting && setting[1]!.toLowerCase() === key) values.push(setting[2]!.trim());
  }
  return values;
}
