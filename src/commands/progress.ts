/** A one-line progress indicator on stderr for long runs: redrawn in place, erased at the end. */
import type { Io } from './io.js';

/** A progress line; a no-op when stderr is not a terminal or the run is short. */
export interface Progress {
  tick(done: number): void;
  /** Erase the line before other output to the terminal; the next tick draws it again. */
  clear(): void;
  done(): void;
}

const NONE: Progress = { tick: () => undefined, clear: () => undefined, done: () => undefined };

/**
 * Show `label done/total` on stderr when it is a terminal and `total` exceeds `threshold`.
 * Redraws at most every `intervalMs`, so a fast run spends no time painting.
 */
export function startProgress(io: Io, label: string, total: number, threshold = 50, intervalMs = 80, clock: () => number = Date.now): Progress {
  if (total <= threshold || !io.stderrIsTTY) return NONE;
  let last = 0;
  let shown = false;
  const draw = (n: number) => {
    io.stderr(`\r\x1b[2K${label} ${n}/${total}`);
    shown = true;
  };
  return {
    tick(n) {
      const t = clock();
      if (t - last < intervalMs && n < total) return;
      last = t;
      draw(n);
    },
    clear() {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
    done() {
      this.clear();
    },
  };
}
