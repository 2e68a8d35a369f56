/**
 * Whole lines, none longer than a limit, between stdin and the SDK's transport. The SDK's reader
 * gives up on a message over its buffer size and closes the server with no answer; here such a
 * line is dropped as it streams in (never held whole), reported once, and serving goes on.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The largest message the server reads: 10 MiB, the SDK's own buffer size. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Passes complete lines through; a line longer than `maxBytes` is dropped and `onOversize` hears
 * its length and the request id, when the line's first bytes name one.
 */
export class LineGuard extends Transform {
  /** The first line, without its newline; undefined when the input ends or fails before one, or that line is too long. */
  readonly firstLine: Promise<string | undefined>;
  private settleFirst: ((line: string | undefined) => void) | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** While dropping a long line: its first bytes (for its id) and how long it has been so far. */
  private dropping: { head: Buffer; bytes: number } | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onOversize: (o: { id: string | number | null; bytes: number }) => void,
  ) {
    super();
    this.firstLine = new Promise((resolve) => (this.settleFirst = resolve));
    this.once('close', () => this.first(undefined));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl + 1;
      this.accept(chunk.subarray(start, end), nl >= 0);
      start = end;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.first(undefined);
    if (this.dropping) this.report();
    else if (this.pendingBytes) this.push(Buffer.concat(this.pending));
    done();
  }

  /** A piece of one line; `complete` when it ends with the newline. */
  private accept(piece: Buffer, complete: boolean): void {
    if (this.dropping) {
      this.dropping.bytes += piece.length;
    } else if (this.pendingBytes + piece.length > this.maxBytes + 1) {
      this.first(undefined);
      const head = Buffer.concat([...this.pending, piece]).subarray(0, 512);
      this.dropping = { head, bytes: this.pendingBytes + piece.length };
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      this.pending.push(piece);
      this.pendingBytes += piece.length;
    }
    if (!complete) return;
    if (this.dropping) this.report();
    else {
      const line = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
      if (this.settleFirst) this.first(line.toString('utf8', 0, line.length - 1));
      this.push(line);
      this.pending = [];
      this.pendingBytes = 0;
    }
  }

  private first(line: string | undefined): void {
    this.settleFirst?.(line);
    this.settleFirst = undefined;
  }

  private report(): void {
    const { head, bytes } = this.dropping!;
    this.dropping = undefined;
    this.onOversize({ id: requestId(head.toString('utf8')), bytes });
  }
}

/** The id of a request from its first bytes, when they hold `"id":` before any nested object. */
function requestId(head: string): string | number | null {
  const open = head.indexOf('{');
  const nested = head.indexOf('{', open + 1);
  const m = /"id"\s*:\s*(-?\d{1,15}|"[^"\\]{0,200}")/.exec(nested < 0 ? head : head.slice(0, nested));
  if (!m) return null;
  return m[1]!.startsWith('"') ? m[1]!.slice(1, -1) : Number(m[1]);
}
