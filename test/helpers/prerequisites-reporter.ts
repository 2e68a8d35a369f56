/**
 * Ends a test run with one line on stderr when tests were skipped for a missing prerequisite
 * (test/helpers/prerequisites.ts): how many, and what was missing. Silent otherwise.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { NOTE_PREFIX } from './prerequisites.js';

export default class PrerequisitesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, number>();
    for (const m of modules) {
      for (const t of m.children.allTests('skipped')) {
        const result = t.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        if (note?.startsWith(NOTE_PREFIX)) counts.set(note.slice(NOTE_PREFIX.length), (counts.get(note.slice(NOTE_PREFIX.length)) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const parts = [...counts].map(([what, n]) => (counts.size > 1 ? `${what}: ${n}` : what));
    process.stderr.write(`skipped ${total} test${total === 1 ? '' : 's'}: ${parts.join('; ')}; they run when it is present\n`);
  }
}
