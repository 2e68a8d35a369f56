/**
 * Real git repositories for tests, isolated from the machine's git configuration: no system
 * config, HOME in a temporary folder, the user set in the repository, and `execplan` on PATH as
 * the built command line, so git can run the merge driver.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const BIN = fileURLToPath(new URL('../../dist/bin.cjs', import.meta.url));
const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A git repository in a temporary folder, and ways to run git and execplan in it. */
export interface GitRepo {
  root: string;
  env: Record<string, string>;
  git: (...args: string[]) => string;
  /** Run git without failing on a non-zero exit. */
  tryGit: (...args: string[]) => { status: number; stdout: string; stderr: string };
  execplan: (args: string[], env?: Record<string, string>) => { status: number; stdout: string; stderr: string };
  write: (rel: string, text: string | Buffer) => void;
  read: (rel: string) => string;
  commitAll: (message: string, date?: string) => void;
}

/** A new repository with an initial empty commit on `main`. */
export function gitRepo(): GitRepo {
  const base = mkdtempSync(path.join(tmpdir(), 'execplan-git-'));
  made.push(base);
  const root = path.join(base, 'repo');
  const home = path.join(base, 'home');
  const bin = path.join(base, 'bin');
  for (const d of [root, home, bin]) mkdirSync(d);
  writeFileSync(path.join(bin, 'execplan'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(bin, 'execplan'), 0o755);
  const env: Record<string, string> = {
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z',
    EXECPLAN_TZ_OFFSET: '0',
    EXECPLAN_COMPILE_CACHE: '0',
    LANG: 'C',
  };
  const run = (cmd: string, args: string[], extra: Record<string, string> = {}) => {
    const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extra }, encoding: 'utf8' });
    return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  };
  const git = (...args: string[]) => {
    const r = run('git', args);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test User');
  git('config', 'user.email', 'test@example.com');
  git('config', 'core.autocrlf', 'false');
  git('commit', '-q', '--allow-empty', '-m', 'start');
  let tick = 0;
  return {
    root,
    env,
    git,
    tryGit: (...args) => run('git', args),
    execplan: (args, extra) => run(process.execPath, [BIN, ...args], extra),
    write: (rel, text) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    },
    read: (rel) => readFileSync(path.join(root, rel), 'utf8'),
    commitAll: (message, date) => {
      tick++;
      const when = date ?? `2026-01-05T${String(10 + Math.floor(tick / 60)).padStart(2, '0')}:${String(tick % 60).padStart(2, '0')}:00Z`;
      git('add', '-A');
      const r = run('git', ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
      if (r.status !== 0) throw new Error(`git commit failed: ${r.stderr}${r.stdout}`);
    },
  };
}
