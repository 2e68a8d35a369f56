/**
 * Joining paths by concatenation where that gives what `path.join` and `path.resolve` would.
 * Those normalise their arguments character by character, and a run over hundreds of plans calls
 * them thousands of times before the optimising compiler has looked at them: in a cached lint
 * run they cost more than the stats they were building paths for.
 */
import path from 'node:path';

/** `path.join(dir, name)` for an absolute, normalised `dir` and a name read from its listing. */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** A relative path with `/` separators that normalising leaves as it is: no empty, `.` or `..` part. */
const PLAIN_PARTS = /^(?:[^/\\:]+\/)*[^/\\:]+$/;
const DOT_PART = /(?:^|\/)\.\.?(?:\/|$)/;

/** `path.resolve(root, rel)` for an absolute, normalised `root` and a repository-relative `rel` written with `/`. */
export function resolveRel(root: string, rel: string): string {
  if (!PLAIN_PARTS.test(rel) || DOT_PART.test(rel)) return path.resolve(root, rel);
  return childPath(root, path.sep === '/' ? rel : rel.replaceAll('/', path.sep));
}
