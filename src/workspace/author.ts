/**
 * Who is recorded in `Date/Author:`. In order: the `--author` option, `author` in execplan.json,
 * `EXECPLAN_AUTHOR`, `GIT_AUTHOR_NAME`, git's `user.name`, the login name. git's setting is read
 * from the repository's and the user's config files directly: spawning git would cost more than
 * the whole edit, and an agent may run where git is not installed.
 */
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { configValues } from './git-dirs.js';

/** Where an author name can come from. */
export interface AuthorSources {
  flag?: string | undefined;
  config?: string | undefined;
  env: Record<string, string | undefined>;
  /** Repository root, for `.git/config`. */
  root: string;
}

/** The author to record, never empty. */
export function resolveAuthor(sources: AuthorSources): string {
  const { env } = sources;
  const candidates = [sources.flag, sources.config, env.EXECPLAN_AUTHOR, env.GIT_AUTHOR_NAME];
  for (const c of candidates) if (c?.trim()) return c.trim();
  const fromGit = gitUserName(sources.root, env);
  if (fromGit) return fromGit;
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    /* no user database entry, as in some containers */
  }
  return 'unknown';
}

/** `user.name` from the repository's config, else the user's global git config files. */
function gitUserName(root: string, env: Record<string, string | undefined>): string | undefined {
  const home = env.HOME ?? env.USERPROFILE;
  const xdg = env.XDG_CONFIG_HOME ?? (home ? path.join(home, '.config') : undefined);
  const files = [repoConfig(root), xdg ? path.join(xdg, 'git', 'config') : undefined, home ? path.join(home, '.gitconfig') : undefined];
  for (const f of files) {
    // The last name the file sets wins, as in git.
    const names = f ? configValues(f, 'user', 'name').map(unquote).filter(Boolean) : [];
    if (names.length) return names[names.length - 1];
  }
  return undefined;
}

/** The config file of the repository at `root`, following a worktree's `.git` file. */
function repoConfig(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return path.join(dotGit, 'config');
    const m = /^gitdir:\s*(?!\s)(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    if (!m) return undefined;
    const gitDir = path.resolve(root, m[1]!.trim());
    let common = gitDir;
    try {
      common = path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      /* not a linked worktree */
    }
    return path.join(common, 'config');
  } catch {
    return undefined;
  }
}

/** A config value without its comment and quotes. */
function unquote(value: string): string {
  const v = value.replace(/\s[;#].*$/, '').trim();
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(["\\])/g, '$1') : v;
}
