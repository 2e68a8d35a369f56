/**
 * Git access: git is spawned (never a library), its configuration files are read as files where
 * that is enough (a check on every command must not cost a process), and many objects are read
 * through one `git cat-file --batch` process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { ExecplanError } from './errors.js';

export { gitDirs, headCommit, type GitDirs } from './git-dirs.js';

/** The output of a git command; a failure becomes an error naming the command and git's message. */
export function git(root: string, args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string | undefined>; allowFail?: boolean } = {}): { stdout: string; status: number } {
  const r = spawnSync('git', args as string[], { cwd: root, input: options.input, env: options.env ? { ...process.env, ...options.env } : undefined, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) {
    const e = r.error as NodeJS.ErrnoException;
    throw new ExecplanError('IO', e.code === 'ENOENT' ? 'git is not installed or not on PATH; install git, or run this command where it is available.' : `git ${args[0]} failed: ${e.message}.`);
  }
  if (r.status !== 0 && !options.allowFail) {
    throw new ExecplanError('IO', `git ${args.join(' ')} failed in ${root}: ${(r.stderr || '').trim() || `exit code ${r.status}`}.`);
  }
  return { stdout: r.stdout, status: r.status ?? 1 };
}

/** One object read through `git cat-file --batch`; undefined when the name resolves to nothing. */
export interface GitObject {
  oid: string;
  type: string;
  data: Buffer;
}

/** One `git cat-file --batch` process: objects asked for in rounds, answered in order. */
export class CatFileBatch {
  private readonly child;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { count: number; results: (GitObject | undefined)[]; resolve: (r: (GitObject | undefined)[]) => void; reject: (e: Error) => void } | undefined;
  private failed: Error | undefined;

  constructor(root: string, env?: Record<string, string | undefined>) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: env ? { ...process.env, ...env } : undefined, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    this.child.stdout.on('data', (d: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    const fail = (e: Error) => {
      this.failed = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    };
    this.child.on('error', (e: NodeJS.ErrnoException) => fail(new ExecplanError('IO', e.code === 'ENOENT' ? 'git is not installed or not on PATH; install git, or run this command where it is available.' : `git cat-file failed: ${e.message}.`)));
    this.child.on('close', (code) => {
      if (this.waiting) fail(new ExecplanError('IO', `git cat-file stopped (exit code ${code}): ${stderr.trim()}`));
    });
    this.child.stdin.on('error', () => undefined);
  }

  /** Read the objects `names` name (`<oid>`, `<rev>:<path>`), in order. */
  read(names: readonly string[]): Promise<(GitObject | undefined)[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (!names.length) return Promise.resolve([]);
    if (names.some((n) => /[\r\n]/.test(n))) return Promise.reject(new ExecplanError('USAGE', 'A git object name cannot contain a line break.'));
    return new Promise((resolve, reject) => {
      this.waiting = { count: names.length, results: [], resolve, reject };
      this.child.stdin.write(`${names.join('\n')}\n`);
    });
  }

  /** End the process. */
  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    const w = this.waiting;
    while (w && w.results.length < w.count) {
      const nl = this.buffer.indexOf(10);
      if (nl === -1) return;
      const header = this.buffer.subarray(0, nl).toString();
      const parts = header.split(' ');
      if (parts.length !== 3 || !/^\d+$/.test(parts[2]!)) {
        // `<name> missing`, `<name> ambiguous`: nothing follows the line.
        w.results.push(undefined);
        this.buffer = this.buffer.subarray(nl + 1);
        continue;
      }
      const size = Number(parts[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      w.results.push({ oid: parts[0]!, type: parts[1]!, data: this.buffer.subarray(nl + 1, nl + 1 + size) });
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
    }
    if (w && w.results.length === w.count) {
      this.waiting = undefined;
      w.resolve(w.results);
    }
  }
}

/** One entry of a tree object. */
export interface TreeEntry {
  mode: string;
  name: string;
  oid: string;
}

/** The entries of a tree object as `cat-file --batch` gives it: `<mode> <name>\0<20 or 32 byte id>`. */
export function parseTree(data: Buffer, hashBytes = 20): TreeEntry[] {
  const out: TreeEntry[] = [];
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
