import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __EXECPLAN_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The default report, then one line naming what tests skipped for lack of ../shared or a
    // browser (test/helpers/prerequisites.ts).
    reporters: ['default', './test/helpers/prerequisites-reporter.ts'],
  },
});
