/**
 * Git access: git is spawned (never a library); many objects are read through one
 * `git cat-file --batch` process, and history through one `git log` stopped as soon as the caller
 * has read enough. What git's own files tell without a process is in git-dirs.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HistoryCommit } from '../core/drift.js';
import { ExecplanError } from './errors.js';
import { gitDirs } from './git-dirs.js';
import { sha1, sha256 } from './hash.js';
import { namesIn } from './on-disk.js';

type Env = Record<string, string | undefined> | undefined;

function spawnGit(root: string, args: readonly string[], env: Env) {
  return spawnSync('git', args, { cwd: root, env: env ? { ...process.env, ...env } : undefined, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

function startError(e: NodeJS.ErrnoException, what: string): ExecplanError {
  return new ExecplanError('IO', e.code === 'ENOENT' ? 'git is not installed or not on PATH; install git, or run this command where it is available.' : `git ${what} failed: ${e.message}.`);
}

/** The output of a git command; a failure becomes an error naming the command and git's message. */
export function git(root: string, args: readonly string[], options: { env?: Env; allowFail?: boolean } = {}): { stdout: string; status: number } {
  const r = spawnGit(root, args, options.env);
  if (r.error) throw startError(r.error, args[0]!);
  if (r.status !== 0 && !options.allowFail) {
    throw new ExecplanError('IO', `git ${args.join(' ')} failed in ${root}: ${(r.stderr || '').trim() || `exit code ${r.status}`}.`);
  }
  return { stdout: r.stdout, status: r.status ?? 1 };
}

/** Refuse to go on outside a git repository; `why` follows "<root> is not a git repository". */
export function assertGitRepo(root: string, why = ' (no .git there). Run git init first, or run this command at the root of a clone.'): void {
  if (!gitDirs(root)) throw new ExecplanError('USAGE', `${root} is not a git repository${why}`);
}

/** Files changed after the moment, or why that cannot be told. */
export type Changes = { ok: true; files: string[] } | { ok: false; why: string };

/**
 * Files (relative to `root`, with `/`) changed after `sinceMs`: those git reports changed (modified,
 * added, untracked) with a later modification time, and those of later commits, leaving out those
 * `ignore` names. A commit that also holds `own` (the plan) recorded its work together with the
 * plan: it does not count. No diff is computed; git missing, or no repository, is an answer too.
 */
export function changedSince(root: string, sinceMs: number, ignore: (rel: string) => boolean, own?: string): Changes {
  const status = answer(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  if (!status.ok) return status;
  const files = new Set<string>();
  for (const entry of status.out.split('\0')) {
    const rel = entry.slice(3);
    if (entry.length < 4 || ignore(rel)) continue;
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
  const log = answer(root, ['log', '-n', '30', `--since=@${Math.floor(sinceMs / 1000)}`, '--format=%x01%ct', '--name-only', '--no-renames']);
  for (const commit of log.ok ? log.out.split('\x01') : []) {
    const [time, ...names] = commit.split('\n');
    if (!time || Number(time) * 1000 <= sinceMs || (own !== undefined && names.includes(own))) continue;
    for (const rel of names) if (rel && !ignore(rel)) files.add(rel);
  }
  return { ok: true, files: [...files].sort() };
}

/** git's output, or why there is none, in words for a note rather than an error. */
function answer(root: string, args: string[]): { ok: true; out: string } | { ok: false; why: string } {
  const r = spawnGit(root, args, undefined);
  if (r.error) return { ok: false, why: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `git failed: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, why: r.stderr.trim().split('\n')[0] || `git ${args[0]} exited ${r.status}` };
  return { ok: true, out: r.stdout };
}

/**
 * Commits reachable from HEAD, newest first, with the files each changed (renames detected), from
 * `git log` read as it streams, until `enough(commit)` says so or `max` commits have been read.
 * Empty when the repository has no commit yet.
 */
export async function readHistory(root: string, options: { max: number; enough: (commit: HistoryCommit) => boolean; env?: Env }): Promise<HistoryCommit[]> {
  const { createInterface } = await import('node:readline');
  const args = ['-c', 'core.quotePath=false', 'log', '--format=\u001e%H %ct', '--name-status', '-M', '--no-color', `--max-count=${options.max}`, 'HEAD'];
  const child = spawn('git', args, { cwd: root, env: options.env ? { ...process.env, ...options.env } : undefined, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null | Error>((resolve) => child.on('error', resolve).on('close', resolve));
  const commits: HistoryCommit[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const current = commits[commits.length - 1];
    if (line.startsWith('\u001e')) {
      // The commit before is complete: it may be the last one the caller needs.
      if (current && options.enough(current)) {
        child.kill();
        return commits;
      }
      const [hash, time] = line.slice(1).split(' ');
      commits.push({ hash: hash!, time: Number(time), changes: [] });
    } else if (line && current) {
      const [status, a, b] = line.split('\t') as [string, string, string?];
      current.changes.push(status.startsWith('R') || status.startsWith('C') ? { status: status[0]!, from: a, path: b! } : { status: status[0]!, path: a });
    }
  }
  const code = await exit;
  if (code instanceof Error) throw startError(code, 'log');
  // A repository without commits has no history to read: nothing drifted.
  if (code !== 0 && /does not have any commits|unknown revision|bad default revision/.test(stderr)) return [];
  if (code !== 0) throw new ExecplanError('IO', `git log failed in ${root}: ${stderr.trim() || `exit code ${code}`}.`);
  return commits;
}

/** One object read through `git cat-file --batch`. */
export interface GitObject {
  oid: string;
  type: string;
  data: Buffer;
}

/** The objects `names` name (`<oid>`, `<rev>:<path>`), in order, read through one `git cat-file --batch`; undefined where a name resolves to nothing. */
export function readObjects(root: string, names: readonly string[], env?: Env): (GitObject | undefined)[] {
  if (!names.length) return [];
  if (names.some((n) => /[\r\n]/.test(n))) throw new ExecplanError('USAGE', 'A git object name cannot contain a line break.');
  const r = spawnSync('git', ['cat-file', '--batch'], { cwd: root, env: env ? { ...process.env, ...env } : undefined, input: `${names.join('\n')}\n`, maxBuffer: 1 << 30 });
  if (r.error) throw startError(r.error, 'cat-file');
  const stopped = () => new ExecplanError('IO', `git cat-file stopped (exit code ${r.status}): ${r.stderr.toString().trim()}`);
  const out: (GitObject | undefined)[] = [];
  let at = 0;
  while (out.length < names.length) {
    const nl = r.stdout.indexOf(10, at);
    if (nl === -1) throw stopped();
    const [oid, type, size, extra] = r.stdout.subarray(at, nl).toString().split(' ');
    at = nl + 1;
    // `<name> missing`, `<name> ambiguous`: nothing follows the line.
    if (extra !== undefined || size === undefined || !/^\d+$/.test(size)) {
      out.push(undefined);
      continue;
    }
    if (r.stdout.length < at + Number(size)) throw stopped();
    out.push({ oid: oid!, type: type!, data: r.stdout.subarray(at, at + Number(size)) });
    at += Number(size) + 1;
  }
  return out;
}

/** The entries of a tree object as `cat-file --batch` gives it: `<mode> <name>\0<20 or 32 byte id>`. */
export function parseTree(data: Buffer, hashBytes = 20): { mode: string; name: string; oid: string }[] {
  const out: { mode: string; name: string; oid: string }[] = [];
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    const nul = data.indexOf(0, sp);
    if (sp === -1 || nul === -1) break;
    out.push({ mode: data.subarray(i, sp).toString(), name: data.subarray(sp + 1, nul).toString(), oid: data.subarray(nul + 1, nul + 1 + hashBytes).toString('hex') });
    i = nul + 1 + hashBytes;
  }
  return out;
}

/** A worktree of the repository and the branch checked out there. */
export interface Worktree {
  path: string;
  branch: string | null;
}

/** The worktrees of the repository, the main one included. */
export function listWorktrees(root: string, env?: Env): Worktree[] {
  const out: Worktree[] = [];
  let current: Worktree | undefined;
  for (const line of git(root, ['worktree', 'list', '--porcelain'], { env }).stdout.split('\n')) {
    if (line.startsWith('worktree ')) out.push((current = { path: line.slice(9), branch: null }));
    else if (line.startsWith('branch ') && current) current.branch = line.slice(7).replace(/^refs\/heads\//, '');
    else if (line === 'bare' && current) out.pop();
  }
  return out;
}

/**
 * The `.md` files directly in `dir` of a worktree, with git's id of their bytes (SHA-1, or SHA-256
 * where `hexLength` is 64), so they can be matched with the blobs of branches. What cannot be read is
 * passed over.
 */
export function markdownBlobs(dir: string, hexLength: number): { name: string; blob: string; bytes: Buffer }[] {
  return namesIn(dir).filter((n) => n.endsWith('.md')).flatMap((name) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, name));
    } catch {
      return [];
    }
    const object = Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]);
    const blob = hexLength === 64 ? sha256(object) : sha1(object);
    return [{ name, blob, bytes }];
  });
}
