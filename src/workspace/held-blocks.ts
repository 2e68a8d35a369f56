/**
 * The blocks of a whole-document report (json, sarif), held until the totals that lead the
 * document are known, then written in order. They are held compressed, a megabyte of text at a
 * time: over 10,000 plans the report is 60 to 120 MB of text that compresses about twentyfold, so
 * the run's memory stays near what a stylish run needs, which prints each block as it comes.
 * Nothing is written to disk meanwhile: a lint may run in a repository it cannot write to.
 *
 * node:zlib loads Node's stream modules with it, so it is loaded only once there is a batch to
 * compress: a report of a few plans, such as an agent's `lint --json`, never needs it.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;
const z = () => (zlib ??= load('node:zlib') as typeof import('node:zlib'));

/** Blocks joined with a separator, held until {@link HeldBlocks.drain}. */
export interface HeldBlocks {
  /** Hold a block; an empty one is left out, and the separator goes between the blocks held. */
  add(block: string): void;
  /** Hand every held block, separators included, to `write` in order, and forget them. */
  drain(write: (bytes: Buffer) => void): void;
}

/** Text gathered before it is compressed: large enough for a good ratio, small enough to cost little memory. */
const BATCH = 1 << 20;

const EMPTY = Buffer.alloc(0);

/** An empty holder of blocks joined by `separator`, compressing every `batch` characters or so. */
export function holdBlocks(separator: string, batch = BATCH): HeldBlocks {
  const packed: Buffer[] = [];
  let pending: string[] = [];
  let pendingLength = 0;
  let any = false;
  const pack = () => {
    if (!pending.length) return;
    packed.push(z().deflateRawSync(Buffer.from(pending.join('')), { level: 1 }));
    pending = [];
    pendingLength = 0;
  };
  return {
    add(block) {
      if (!block) return;
      const text = any ? `${separator}${block}` : block;
      any = true;
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= batch) pack();
    },
    drain(write) {
      for (let i = 0; i < packed.length; i++) {
        write(z().inflateRawSync(packed[i]!));
        packed[i] = EMPTY;
      }
      packed.length = 0;
      if (pending.length) write(Buffer.from(pending.join('')));
      pending = [];
      pendingLength = 0;
    },
  };
}
