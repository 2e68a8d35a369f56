/**
 * Reading history: `git log --name-status -M` read as it streams, stopped as soon as the commits
 * the caller needs have gone by, so a long history costs only its recent part.
 */
import { spawn } from 'node:child_process';
import type { FileChange, HistoryCommit } from '../core/drift.js';
import { ExecplanError } from './errors.js';

const SEP = '\u001e';

/**
 * Commits reachable from `rev`, newest first, with the files each changed (renames detected),
 * read until `enough(commits so far)` says so or `max` commits have been read. Empty when the
 * repository has no commit yet.
 */
export function readHistory(root: string, options: { rev?: string; max?: number; paths?: readonly string[]; follow?: boolean; env?: Record<string, string | undefined>; enough?: (commit: HistoryCommit) => boolean } = {}): Promise<HistoryCommit[]> {
  const args = ['-c', 'core.quotePath=false', 'log', `--format=${SEP}%H %ct`, '--name-status', '-M', '--no-color', `--max-count=${options.max ?? 5000}`];
  if (options.follow) args.push('--follow');
  args.push(options.rev ?? 'HEAD');
  if (options.paths?.length) args.push('--', ...options.paths);
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, env: options.env ? { ...process.env, ...options.env } : undefined, stdio: ['ignore', 'pipe', 'pipe'] });
    const commits: HistoryCommit[] = [];
    let rest = '';
    let stderr = '';
    let stopped = false;
    let current: HistoryCommit | undefined;
    const finish = () => {
      if (current) {
        commits.push(current);
        if (options.enough?.(current)) stopped = true;
        current = undefined;
      }
    };
    const line = (l: string) => {
      if (l.startsWith(SEP)) {
        finish();
        if (stopped) return;
        const [hash, time] = l.slice(1).split(' ');
        current = { hash: hash!, time: Number(time), changes: [] };
        return;
      }
      if (!l || !current) return;
      const parts = l.split('\t');
      const status = parts[0]!;
      const change: FileChange = status.startsWith('R') || status.startsWith('C') ? { status: status[0]!, from: parts[1]!, path: parts[2]! } : { status: status[0]!, path: parts[1]! };
      current.changes.push(change);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (stopped) return;
      const lines = (rest + d).split('\n');
      rest = lines.pop()!;
      for (const l of lines) {
        line(l);
        if (stopped) {
          child.kill();
          return;
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new ExecplanError('IO', e.code === 'ENOENT' ? 'git is not installed or not on PATH; install git, or run this command where it is available.' : `git log failed: ${e.message}.`)));
    child.on('close', (code) => {
      if (!stopped) {
        if (rest) line(rest);
        finish();
      }
      // A repository without commits has no history to read: nothing drifted.
      if (!stopped && code !== 0 && !/does not have any commits|unknown revision|bad default revision/.test(stderr)) {
        reject(new ExecplanError('IO', `git log failed in ${root}: ${stderr.trim() || `exit code ${code}`}.`));
        return;
      }
      resolve(stopped || code === 0 ? commits : []);
    });
  });
}
