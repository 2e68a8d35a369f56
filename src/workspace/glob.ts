/**
 * Glob matching for plan paths, with picomatch (Node 20's `path.matchesGlob` prints an
 * experimental-feature warning, which a linter must not do). `*` and `**` also match dot-folders
 * such as `.agent/`, where plans live.
 */
import picomatch from 'picomatch';

/** Whether `pattern` uses any glob syntax, as opposed to naming one path. */
export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Compile a glob over `/`-separated paths into a regular expression matching whole paths. */
export function globToRegExp(pattern: string): RegExp {
  return picomatch.makeRe(pattern, { dot: true, posix: true });
}

/** The folder a glob starts in: its leading part without glob syntax (`''` for the current folder). */
export function globBase(pattern: string): string {
  return picomatch.scan(pattern).base;
}
