/** A one-line spinner on stderr for long runs (`Linting plans 120/4000`): redrawn in place, erased at the end. */
import type { Io } from '../io.js';

/** A spinner line; a no-op when stderr is not a terminal or the run is short. */
export interface Spinner {
  tick(done: number): void;
  /** Erase the line, before other output to the terminal or at the end; the next tick draws it again. */
  clear(): void;
}

const NONE: Spinner = { tick: () => undefined, clear: () => undefined };

/**
 * Show `label done/total` on stderr when it is a terminal and `total` exceeds `threshold`.
 * Redraws at most every `intervalMs`, so a fast run spends no time painting.
 */
export function startSpinner(io: Io, label: string, total: number, threshold = 50, intervalMs = 80, clock: () => number = Date.now): Spinner {
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
  };
}
