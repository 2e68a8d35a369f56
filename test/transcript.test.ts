import { describe, expect, it } from 'vitest';
import { parseSize } from '../src/commands/run.js';
import { fileStamp, labelFor } from '../src/usecases/run-evidence.js';
import { BoundedOutput, renderTranscript, shellQuote } from '../src/workspace/transcript.js';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));

describe('BoundedOutput', () => {
  it('keeps everything under the bound, in arrival order across streams', () => {
    const out = new BoundedOutput(100);
    out.push('stdout', bytes('a\n'));
    out.push('stderr', bytes('b\n'));
    out.push('stdout', bytes('c\n'));
    expect(out.text()).toBe('a\nb\nc\n');
    expect(out.dropped).toBe(0);
    expect(out.total).toBe(6);
  });

  it('keeps exactly the bound when output is one byte longer', () => {
    const out = new BoundedOutput(10);
    out.push('stdout', bytes('0123456789X'));
    expect(out.dropped).toBe(1);
    expect(out.text()).toBe('01234\n[execplan: output exceeded the bound of 10 bytes (--max-output); 1 bytes dropped here]\n6789X');
  });

  it('keeps the head and the last bytes over many small chunks', () => {
    const out = new BoundedOutput(8);
    for (const c of 'abcdefghijklmnop') out.push(c < 'h' ? 'stdout' : 'stderr', bytes(c));
    expect(out.dropped).toBe(8);
    expect(out.text()).toMatch(/^abcd\n\[execplan: .*8 bytes dropped here\]\nmnop$/);
  });

  it('decodes a character split across chunks of one stream, even with another stream in between', () => {
    const out = new BoundedOutput(100);
    out.push('stdout', bytes([0xe2, 0x82]));
    out.push('stderr', bytes('x'));
    out.push('stdout', bytes([0xac]));
    expect(out.text()).toBe('x€');
  });

  it('shows invalid UTF-8 as U+FFFD and NUL as U+2400', () => {
    const out = new BoundedOutput(100);
    out.push('stdout', bytes([0x61, 0x00, 0xff, 0x62, 0xc3]));
    expect(out.text()).toBe('a\u2400\uFFFDb\uFFFD');
  });

  it('a bound of 1 keeps one byte', () => {
    const out = new BoundedOutput(1);
    out.push('stdout', bytes('xyz'));
    expect(out.dropped).toBe(2);
    expect(out.text()).toContain('x\n[execplan:');
  });
});

describe('transcript header', () => {
  it('records command, cwd, times, duration, result and output size', () => {
    const out = new BoundedOutput(100);
    out.push('stdout', bytes('no newline'));
    const text = renderTranscript(
      { command: "npm test -- -t 'a b'", cwd: 'packages/app', started: new Date('2026-01-05T14:30:00Z'), ended: new Date('2026-01-05T14:30:02.5Z'), durationMs: 2500, ending: { kind: 'signal', signal: 'SIGKILL', code: 137 } },
      out,
    );
    expect(text).toBe(
      [
        "command:  npm test -- -t 'a b'",
        'cwd:      packages/app',
        'started:  2026-01-05T14:30:00.000Z',
        'ended:    2026-01-05T14:30:02.500Z',
        'duration: 2.500 s',
        'result:   killed by SIGKILL (exit code 137)',
        'output:   10 bytes, stdout and stderr combined in arrival order; invalid UTF-8 shown as U+FFFD, NUL as U+2400',
        '--- output ---',
        'no newline',
        '',
      ].join('\n'),
    );
  });

  it('shell-quotes words so the command line can be pasted back', () => {
    expect(shellQuote(['npm', 'test'])).toBe('npm test');
    expect(shellQuote(['echo', "it's", '', 'a b', '$HOME', '*'])).toBe(`echo 'it'\\''s' '' 'a b' '$HOME' '*'`);
    expect(shellQuote(['printf', 'a\nb\t\u0001'])).toBe("printf $'a\\nb\\t\\x01'");
  });
});

describe('run helpers', () => {
  it('parses --max-output sizes', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('512K')).toBe(512 * 1024);
    expect(parseSize('2M')).toBe(2 * 1024 * 1024);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    for (const bad of ['0', '-1', '1.5M', 'lots', '']) expect(() => parseSize(bad), bad).toThrow(/not a size/);
  });

  it('names transcripts by start time and a slug of the command', () => {
    expect(labelFor(['npm', 'test'])).toBe('npm-test');
    expect(labelFor(['/usr/local/bin/pytest', '-k', 'retry and not slow'])).toBe('pytest-k-retry-and-not-slow');
    expect(labelFor(['令'])).toBe('command');
    const now = new Date('2026-01-05T23:59:07Z');
    expect(fileStamp(now, 'utc', 120)).toBe('2026-01-05T23-59-07Z');
    expect(fileStamp(now, 'local', 120)).toBe('2026-01-06T01-59-07');
  });
});
