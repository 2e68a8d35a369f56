/**
 * Path safety: plan ids, labels, file names and user paths never reach outside the workspace.
 *
 * Two layers. Names are checked as text (one path component, nothing a file system reads
 * specially on any platform a repository is checked out on). Paths are checked on disk, with
 * `realpath`, just before anything is written or moved, so a symbolic link planted anywhere on the
 * way cannot redirect a write outside the repository.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
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

/**
 * Check on disk that `abs` really lies inside `root`: the deepest existing part of the path is
 * resolved with `realpath` (following every symbolic link) and compared with the real root.
 * Call it just before writing or moving.
 */
export function assertRealInside(root: string, abs: string, what: string): void {
  const realRoot = realpathOr(root) ?? path.resolve(root);
  let probe = path.resolve(abs);
  const rest: string[] = [];
  for (;;) {
    const real = realpathOr(probe);
    if (real !== undefined) {
      const resolved = path.join(real, ...rest);
      if (!isInside(realRoot, resolved)) {
        const shown = path.relative(root, abs) || abs;
        throw new ExecplanError('UNSAFE_PATH', `Refused ${what} ${shown}: a symbolic link on the way leads outside the workspace (to ${real}). Replace the link with a real folder or file inside the repository.`, { details: [shown, real] });
      }
      return;
    }
    const parent = path.dirname(probe);
    if (parent === probe) return;
    rest.unshift(path.basename(probe));
    probe = parent;
  }
}

/**
 * `realpath`, or undefined when nothing is there. A dangling symbolic link counts as existing: where
 * it would lead is what matters, since writing through it creates its target.
 */
function realpathOr(p: string, depth = 0): string | undefined {
  try {
    return realpathSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ExecplanError('UNSAFE_PATH', `Refused ${p}: its symbolic links form a loop. Replace them with a real folder or file.`, { details: [p] });
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  let target: string;
  try {
    if (!lstatSync(p).isSymbolicLink() || depth > 32) return undefined;
    target = path.resolve(path.dirname(p), readlinkSync(p));
  } catch {
    return undefined;
  }
  const parent = realpathOr(path.dirname(target), depth + 1) ?? path.dirname(target);
  return realpathOr(path.join(parent, path.basename(target)), depth + 1) ?? path.join(parent, path.basename(target));
}
