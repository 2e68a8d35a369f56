import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fdWriter, isTerminal } from '../src/stdio.js';
import { lintWorkspace, NO_TITLE } from './helpers/lint-workspace.js';

const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const env: Record<string, string | undefined> = { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' };
const posix = process.platform !== 'win32';

/** A stream standing in for process.stdout: keeps what it is given. */
function keeper() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe.runIf(posix)('writing to standard output and error', () => {
  it('writes to a file, a pipe and /dev/null, and knows none of them is a terminal', () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-stdio-'));
    const piped = spawnSync(process.execPath, [BIN, 'lint'], { cwd: root, env, encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('The plan has no H1 title');
    // Not a terminal: no colour, though nothing turned it off.
    expect(piped.stdout).not.toContain('\x1b[');
    const file = path.join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, [BIN, 'lint'], { cwd: root, env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(toFile.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    const devNull = openSync('/dev/null', 'w');
    expect(spawnSync(process.execPath, [BIN, 'lint'], { cwd: root, env, stdio: ['ignore', devNull, devNull] }).status).toBe(1);
    closeSync(devNull);
  });

  it('tells a terminal from /dev/null, a file and a pipe', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-tty-'));
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const fds = [openSync('/dev/null', 'w'), openSync(path.join(dir, 'file'), 'w'), openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK)];
    try {
      for (const fd of fds) expect(isTerminal(fd)).toBe(false);
    } finally {
      fds.forEach((fd) => closeSync(fd));
    }
  });

  it.runIf(process.platform === 'linux' && spawnSync('script', ['--version']).status === 0)('colours the report on a terminal', () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const plain = { ...env, NO_COLOR: undefined, FORCE_COLOR: undefined };
    // script(1) runs the command on a pseudo-terminal and copies what it prints.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} lint`, '/dev/null'], { cwd: root, env: plain, encoding: 'utf8' });
    expect(r.stdout).toContain('The plan has no H1 title');
    expect(r.stdout).toContain('\x1b[');
  });

  it('hands what a full non-blocking pipe refuses, and everything after it, to the stream, in order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-fifo-'));
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Read and write ends in one non-blocking descriptor: writes past the pipe's buffer get EAGAIN.
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const kept = keeper();
      let closed = 0;
      const write = fdWriter(fd, () => kept.stream, () => closed++);
      const first = 'a'.repeat(300_000);
      write('direct\n');
      expect(write.streamed()).toBe(false);
      write(first);
      write('then this\n');
      expect(write.streamed()).toBe(true);
      const inPipe: Buffer[] = [];
      const buf = Buffer.alloc(65_536);
      for (;;) {
        let n = 0;
        try {
          n = readSync(fd, buf);
        } catch {
          break;
        }
        if (!n) break;
        inPipe.push(Buffer.from(buf.subarray(0, n)));
      }
      const direct = Buffer.concat(inPipe).toString('utf8');
      expect(direct.length).toBeGreaterThan(0);
      expect(direct.length).toBeLessThan(first.length);
      expect(direct + kept.text()).toBe(`direct\n${first}then this\n`);
      expect(closed).toBe(0);
    } finally {
      closeSync(fd);
    }
  });

  it('stops quietly when the reader goes away', () => {
    const plans = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`2026-01-${String((i % 27) + 1).padStart(2, '0')}_no-title-${i}`, NO_TITLE]));
    const { root } = lintWorkspace(plans);
    const command = `"${process.execPath}" "${BIN}" lint --format sarif`;
    // More than a pipe holds, so the reader goes away while the command is still writing.
    expect(spawnSync('sh', ['-c', command], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.length).toBeGreaterThan(128 * 1024);
    const r = spawnSync('bash', ['-c', `${command} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0\n');
  });
});
