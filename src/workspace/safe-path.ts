/**
 * Path safety: plan ids, labels, file names and user paths never reach outside the workspace.
 *
 * Two layers. Names are checked as text (one path component, nothing a file system reads
 * specially on any platform a repository is checked out on). Paths are checked on disk, with
 * `realpath`, just before anything is written or moved, so a symbolic link planted anywhere on the
 * way cannot redirect a write outside the repository.
 */
import { lstatSync, mkdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExecplanError } from './errors.js';
import { isInside } from './workspace.js';

// Device names Windows reserves in every folder, with or without an extension (`nul.txt` too).
const RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Characters Windows refuses in file names; a repository shared across platforms must avoid them.
const WINDOWS_INVALID = /[<>:"|?*]/;

/** Why `name` is not usable as one file or folder name, or undefined when it is. */
export function nameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.includes('\0')) return 'it contains a NUL byte';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'it contains a control character';
  if (name === '.' || name === '..') return `"${name}" names a folder, not a file`;
  if (/[\\/]/.test(name)) return 'it contains a path separator ("/" or "\\"); give a bare name';
  if (/^[A-Za-z]:/.test(name)) return 'it starts with a drive letter';
  const m = WINDOWS_INVALID.exec(name);
  if (m) return `it contains "${m[0]}", which Windows does not allow in file names`;
  if (RESERVED.test(name.split('.')[0]!.trimEnd())) return `"${name.split('.')[0]}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9)`;
  if (/[. ]$/.test(name)) return 'it ends with a dot or a space, which Windows drops from file names';
  // File systems take 255 bytes; writes go through a temporary file named after the target, which needs room.
  if (Buffer.byteLength(name, 'utf8') > 200) return 'it is longer than 200 bytes';
  return undefined;
}

/**
 * Check that `name` (a plan id, a label, a file name) is one safe path component.
 * `what` says what the name is, for the message: "plan id", "label", "file name".
 */
export function assertSafeName(name: string, what: string): string {
  const problem = nameProblem(name);
  if (problem) {
    throw new ExecplanError('UNSAFE_PATH', `Refused ${what} ${JSON.stringify(name)}: ${problem}. Use a plain name of letters, digits, "-", "_" and ".".`, { details: [name] });
  }
  return name;
}

/** `dir/name` after checking `name` is one safe component. */
export function safeJoin(dir: string, name: string, what: string): string {
  return path.join(dir, assertSafeName(name, what));
}

/**
 * Resolve a path a user typed (relative to `cwd`) and check it stays inside `root`, on disk too.
 * Refuses NUL bytes, paths that climb out with `..` or are absolute elsewhere, and symbolic links
 * on the way that lead outside.
 */
export function resolveInside(root: string, cwd: string, userPath: string, what: string): string {
  if (userPath.includes('\0')) throw new ExecplanError('UNSAFE_PATH', `Refused ${what} ${JSON.stringify(userPath)}: it contains a NUL byte.`, { details: [userPath] });
  const abs = path.resolve(cwd, userPath);
  if (!isInside(root, abs)) {
    throw new ExecplanError('UNSAFE_PATH', `Refused ${what} ${userPath}: it is outside the workspace ${root}. Give a path inside the repository.`, { details: [userPath] });
  }
  assertRealInside(root, abs, what);
  return abs;
}

/** The real path of `p`, every symbolic link followed. */
export function realPath(p: string): string {
  return realpathSync(p);
}

/**
 * The real file that `repoPath` (`/`-separated from `root`, as a URL names it) leads to, every
 * symbolic link followed; undefined when it leads outside `root`, into `.git`, or to no file.
 */
export function realFileInside(root: string, repoPath: string): string | undefined {
  const parts = repoPath.split('/');
  if (repoPath.includes('\0') || repoPath.includes('\\') || parts.some((p) => p === '..' || p === '' || p === '.') || parts[0] === '.git') return undefined;
  try {
    const real = realpathSync(path.join(root, ...parts));
    return isInside(realpathSync(root), real) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** A symbolic link that makes a path leave the workspace, or loop. */
export interface LinkProblem {
  /** The link, relative to the root (or absolute when the root is not above it). */
  link: string;
  /** Where it leads (its real target), when it does not loop. */
  target?: string;
  /** True when the link's chain of targets comes back to itself. */
  loop: boolean;
}

/**
 * The first symbolic link on the way from `root` to `abs` that leads outside `root` (or loops), or
 * undefined when every part of the path stays inside. Each part is looked at with `lstat` from the
 * root down, so the message can name the very link that leaves; where a link leads is resolved with
 * `realpath` (a dangling link by where writing through it would create its target).
 */
export function linkProblem(root: string, abs: string): LinkProblem | undefined {
  const realRoot = realpathOr(root) ?? path.resolve(root);
  const target = path.resolve(abs);
  const shown = (p: string) => (isInside(root, p) ? path.relative(root, p).split(path.sep).join('/') || '.' : p);
  const inside = isInside(root, target);
  // A path given outside the root lexically is judged as a whole; inside, part by part from the root.
  let lexical = inside ? path.resolve(root) : target;
  try {
    if (!inside) {
      const real = realpathOr(target) ?? target;
      return isInside(realRoot, real) ? undefined : { link: shown(target), target: real, loop: false };
    }
    let real = realRoot;
    for (const part of path.relative(root, target).split(path.sep).filter(Boolean)) {
      lexical = path.join(lexical, part);
      const next = path.join(real, part);
      let st;
      try {
        st = lstatSync(next);
      } catch {
        // Nothing there: the rest of the path would be created inside `real`, which is inside.
        return undefined;
      }
      if (!st.isSymbolicLink()) {
        real = next;
        continue;
      }
      const resolved = realpathOr(next) ?? next;
      if (!isInside(realRoot, resolved)) return { link: shown(lexical), target: resolved, loop: false };
      real = resolved;
    }
    return undefined;
  } catch (err) {
    // `lexical` is the link that loops.
    if (err instanceof LoopError) return { link: shown(lexical), loop: true };
    throw err;
  }
}

/** What is wrong with a {@link LinkProblem}, in words ending without a full stop. */
export function linkProblemWords(problem: LinkProblem): string {
  return problem.loop
    ? `the symbolic link ${problem.link} is a loop (it leads back to itself), so it leads nowhere`
    : `a symbolic link on the way leads outside the workspace: ${problem.link} -> ${problem.target}`;
}

/**
 * Check on disk that `abs` really lies inside `root`, every symbolic link on the way followed.
 * Call it just before writing or moving. The error names the link that leaves (or loops).
 */
export function assertRealInside(root: string, abs: string, what: string): void {
  const problem = linkProblem(root, abs);
  if (!problem) return;
  const shown = (isInside(root, abs) ? path.relative(root, abs).split(path.sep).join('/') : '') || abs;
  const fix = `Replace the link ${problem.link} with a real folder or file inside the repository.`;
  throw new ExecplanError('UNSAFE_PATH', `Refused ${what} ${shown}: ${linkProblemWords(problem)}. ${fix}`, { details: [shown, problem.link, ...(problem.target ? [problem.target] : [])] });
}

/**
 * Create the folder `dir` inside `root`, and the missing folders on the way, after checking that no
 * symbolic link on the way leads outside. Folders are made one at a time and checked again once
 * made. Returns whether anything was created.
 */
export function mkdirInside(root: string, dir: string, what: string): boolean {
  assertRealInside(root, dir, what);
  const missing: string[] = [];
  for (let d = path.resolve(dir); !existsNoFollow(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if (missing.length) assertRealInside(root, dir, what);
  return missing.length > 0;
}

/**
 * The path to write for `file`, a file of the repository: checked to stay inside `root`, and with a
 * link that stays inside resolved to the file it names, so replacing the file keeps the user's link
 * (CLAUDE.md -> AGENTS.md stays a link). The folder on the way is created.
 */
export function writablePath(root: string, file: string, what: string): string {
  assertRealInside(root, file, what);
  mkdirInside(root, path.dirname(file), 'folder');
  let target = path.resolve(file);
  try {
    if (lstatSync(target).isSymbolicLink()) target = realpathOr(target) ?? target;
  } catch {
    /* a new file */
  }
  return target;
}

/** Whether anything is at `p`, a dangling symbolic link included. */
function existsNoFollow(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

class LoopError extends Error {}

/**
 * `realpath`, or undefined when nothing is there. A dangling symbolic link counts as existing: where
 * it would lead is what matters, since writing through it creates its target. Throws LoopError for
 * links that form a loop.
 */
function realpathOr(p: string, depth = 0): string | undefined {
  try {
    return realpathSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new LoopError(p);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  let target: string;
  try {
    if (!lstatSync(p).isSymbolicLink()) return undefined;
    if (depth > 32) throw new LoopError(p);
    target = path.resolve(path.dirname(p), readlinkSync(p));
  } catch (err) {
    if (err instanceof LoopError) throw err;
    return undefined;
  }
  const parent = realpathOr(path.dirname(target), depth + 1) ?? path.dirname(target);
  return realpathOr(path.join(parent, path.basename(target)), depth + 1) ?? path.join(parent, path.basename(target));
}
