/**
 * Transcripts of `execplan run`: the command's combined output, bounded, and a header that says
 * what ran, where, when, for how long and how it ended.
 *
 * Encoding: a transcript is always valid UTF-8 text, so it opens in any editor and diffs in git.
 * Output bytes that are not valid UTF-8 are written as U+FFFD and NUL bytes as U+2400 (␀); every
 * other byte, terminal escape sequences included, is kept as the command wrote it.
 */
import { readHead } from './read.js';

/** Which stream a chunk came from. */
export type StreamName = 'stdout' | 'stderr';

type Chunk = { stream: StreamName; bytes: Uint8Array };

/**
 * Collects output up to `maxBytes`: when the output is longer, the first half of the bound and the
 * last half are kept (the start shows what ran, the end usually shows why it failed) and the
 * middle is dropped and counted.
 */
export class BoundedOutput {
  private readonly headMax: number;
  private readonly tailMax: number;
  private head: Chunk[] = [];
  private headBytes = 0;
  private tail: Chunk[] = [];
  private tailBytes = 0;
  /** Bytes received in all. */
  total = 0;

  constructor(readonly maxBytes: number) {
    this.tailMax = Math.floor(maxBytes / 2);
    this.headMax = maxBytes - this.tailMax;
  }

  /** Add a chunk as it arrives. */
  push(stream: StreamName, bytes: Uint8Array): void {
    this.total += bytes.length;
    let rest = bytes;
    if (this.headBytes < this.headMax) {
      const take = Math.min(this.headMax - this.headBytes, rest.length);
      this.head.push({ stream, bytes: rest.subarray(0, take) });
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (!rest.length || !this.tailMax) return;
    if (rest.length >= this.tailMax) {
      this.tail = [{ stream, bytes: rest.subarray(rest.length - this.tailMax) }];
      this.tailBytes = this.tailMax;
      return;
    }
    this.tail.push({ stream, bytes: rest });
    this.tailBytes += rest.length;
    while (this.tailBytes > this.tailMax) {
      const first = this.tail[0]!;
      const excess = this.tailBytes - this.tailMax;
      if (first.bytes.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.bytes.length;
      } else {
        this.tail[0] = { stream: first.stream, bytes: first.bytes.subarray(excess) };
        this.tailBytes -= excess;
      }
    }
  }

  /** Bytes dropped from the middle. */
  get dropped(): number {
    return this.total - this.headBytes - this.tailBytes;
  }

  /** The kept output as text, with a line marking the dropped bytes when the bound was hit. */
  text(): string {
    const head = decode(this.head);
    if (!this.dropped) return head + decode(this.tail);
    const marker = `[execplan: output exceeded the bound of ${this.maxBytes} bytes (--max-output); ${this.dropped} bytes dropped here]\n`;
    return `${head}${head.endsWith('\n') || !head ? '' : '\n'}${marker}${decode(this.tail)}`;
  }
}

/** Decode chunks in arrival order, each stream with its own decoder so a character split across chunks stays whole. */
function decode(chunks: readonly Chunk[]): string {
  const decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
  let out = '';
  for (const c of chunks) out += decoders[c.stream].decode(c.bytes, { stream: true });
  out += decoders.stdout.decode() + decoders.stderr.decode();
  return out.replace(/\0/g, '\u2400');
}

/** How the command ended. */
export type Ending =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string; code: number }
  | { kind: 'not-found'; code: 127; message: string }
  | { kind: 'not-executable'; code: 126; message: string };

/** What the transcript header records. */
export interface TranscriptHeader {
  /** The command line as run, shell-quoted (`/bin/sh -c '…'` for `--shell`). */
  command: string;
  /** Working directory relative to the repository root (`.` for the root). */
  cwd: string;
  started: Date;
  ended: Date;
  durationMs: number;
  ending: Ending;
  /** Set when execplan was told to stop while the command ran. */
  interrupted?: Interruption;
}

/** The signal that interrupted the run, and whether the command had to be killed. */
export interface Interruption {
  signal: NodeJS.Signals;
  killed: boolean;
}

/** The whole transcript: header, separator, output. */
export function renderTranscript(h: TranscriptHeader, output: BoundedOutput): string {
  const lines = [
    `command:  ${h.command}`,
    `cwd:      ${h.cwd}`,
    `started:  ${h.started.toISOString()}`,
    `ended:    ${h.ended.toISOString()}`,
    `duration: ${(h.durationMs / 1000).toFixed(3)} s`,
    `result:   ${describeEnding(h.ending)}`,
    ...(h.interrupted ? [`interrupted: execplan received ${h.interrupted.signal}${h.interrupted.killed ? '; the command did not stop within the grace period and was killed with SIGKILL' : ''}; the output below is what it wrote until then`] : []),
    `output:   ${output.total} bytes, stdout and stderr combined in arrival order${output.dropped ? `; ${output.dropped} bytes dropped (bound ${output.maxBytes} bytes)` : ''}; invalid UTF-8 shown as U+FFFD, NUL as U+2400`,
    '--- output ---',
  ];
  const body = output.text();
  const end = h.interrupted ? `[execplan: interrupted by ${h.interrupted.signal}]\n` : '';
  return `${lines.join('\n')}\n${body}${body && !body.endsWith('\n') ? '\n' : ''}${end}`;
}

/** How the command ended, in words: `exit code 0`, `killed by SIGTERM (exit code 143)`. */
export function describeEnding(e: Ending): string {
  if (e.kind === 'exit') return `exit code ${e.code}`;
  return `${e.kind === 'signal' ? `killed by ${e.signal}` : e.message} (exit code ${e.code})`;
}

/**
 * Quote words for a POSIX shell, so a header's command line can be pasted back into one. Words with
 * control characters use `$'…'` escapes, which keeps the command on one line.
 */
export function shellQuote(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

const C_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function quoteWord(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f]/.test(w)) return `'${w.replace(/'/g, `'\\''`)}'`;
  // eslint-disable-next-line no-control-regex
  return `$'${w.replace(/[\\'\u0000-\u001f\u007f]/g, (c) => C_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}

/** The `result:` of a transcript's header (`exit code 0`), or undefined when it has none. */
export function transcriptResult(file: string): string | undefined {
  const m = /^result: (.+)$/m.exec(readHead(file, 4096).bytes.toString('utf8'));
  return m?.[1]?.trim();
}

/** What a transcript's header says ran and its exit code (null when it names none); undefined for another file or one that cannot be read. */
export function transcriptRun(file: string): { command: string; exitCode: number | null } | undefined {
  let head;
  try {
    head = readHead(file, 2048).bytes.toString('utf8');
  } catch {
    return undefined;
  }
  if (!head.startsWith('command:  ')) return undefined;
  const eol = head.indexOf('\n');
  const result = /\nresult: [^\n]{0,200}?exit code (\d{1,3})/.exec(head);
  return { command: head.slice(10, eol >= 0 ? eol : undefined), exitCode: result ? Number(result[1]) : null };
}
