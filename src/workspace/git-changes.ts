/**
 * What changed in a git working tree after a moment: files whose changes git reports (modified,
 * added, untracked) with a modification time after it, and files of commits made after it. Two
 * cheap git calls; no diff is computed. Git missing, or a folder that is not a repository, is an
 * answer too, not an error.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** Files changed after the moment, or why that cannot be told. */
export type Changes = { ok: true; files: string[] } | { ok: false; why: string };

/**
 * Files (relative to `root`, with `/`) changed after `sinceMs`, leaving out those `ignore` names.
 * A commit that also holds `own` (the plan) recorded its work together with the plan: it does not count.
 */
export function changedSince(root: string, sinceMs: number, ignore: (rel: string) => boolean, own?: string): Changes {
  const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  if (!status.ok) return status;
  const files = new Set<string>();
  for (const entry of status.out.split('\0')) {
    if (entry.length < 4) continue;
    const rel = entry.slice(3);
    if (ignore(rel)) continue;
    try {
      // A deleted file has no time of its own; the deletion cannot be placed before or after.
      if (statSync(path.join(root, rel)).mtimeMs > sinceMs) files.add(rel);
    } catch {
      /* gone */
    }
  }
  // Work committed after the moment counts too: the tree may be clean because it was committed.
  // Asked only when the tree shows nothing: one git call is enough to know the plan is behind.
  if (files.size) return { ok: true, files: [...files].sort() };
  const log = git(root, ['log', '-n', '30', `--since=@${Math.floor(sinceMs / 1000)}`, '--format=%x01%ct', '--name-only', '--no-renames']);
  if (log.ok) {
    for (const commit of log.out.split('\x01')) {
      const [time, ...names] = commit.split('\n');
      if (!time || Number(time) * 1000 <= sinceMs || (own !== undefined && names.includes(own))) continue;
      for (const rel of names) if (rel && !ignore(rel)) files.add(rel);
    }
  }
  return { ok: true, files: [...files].sort() };
}

function git(root: string, args: string[]): { ok: true; out: string } | { ok: false; why: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return { ok: false, why: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `git failed: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, why: r.stderr.trim().split('\n')[0] || `git ${args[0]} exited ${r.status}` };
  return { ok: true, out: r.stdout };
}
