/**
 * A one-line progress bar on stderr for Monte Carlo runs that last over a second (only when stderr
 * is a terminal): `  MC Asian put [#########...........]  45%`, cleared when the run ends.
 */
import type { McProgress } from '../index.js';

const BAR = 30;
const DELAY_MS = 1000;

/** Minimal writable terminal stream (process.stderr in the CLI). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** The bar line for a fraction in [0, 1], no wider than 100 columns. */
export function progressLine(label: string, fraction: number): string {
  const f = Math.min(Math.max(fraction, 0), 1);
  const done = Math.round(f * BAR);
  const pct = `${Math.round(f * 100)}%`.padStart(4);
  return `  MC ${label.slice(0, 50)} [${'#'.repeat(done)}${'.'.repeat(BAR - done)}] ${pct}`;
}

/**
 * Returns a factory for {@link ExoticOptions.progress}: per run, a callback drawing the bar once the
 * run has lasted {@link DELAY_MS}; the bar is cleared at the run's last report. Undefined when the
 * stream is not a TTY (no bar at all).
 */
export function progressBar(stream: ProgressStream, now: () => number = Date.now):
  ((label: string) => ((p: McProgress) => void) | undefined) | undefined {
  if (stream.isTTY !== true) return undefined;
  return (label: string) => {
    const start = now();
    let drawn = false;
    return (p: McProgress) => {
      if (p.fraction >= 1) {
        if (drawn) stream.write('\r\x1b[2K');
        drawn = false;
        return;
      }
      if (now() - start < DELAY_MS) return;
      stream.write(`\r${progressLine(label, p.fraction)}`);
      drawn = true;
    };
  };
}
