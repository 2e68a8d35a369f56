import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** `npm test`. The long stress and crash runs are in vitest.stress.config.ts (`npm run test:stress`). */
export default defineConfig({
  define: { __EXECPLAN_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    // fast-check takes the run's seed (EXECPLAN_TEST_SEED, test/helpers/seed.ts).
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default leaves a core idle (one worker on a 2-core machine); most test files wait on
    // the processes, files and browser they drive, so every core gets a worker.
    maxWorkers: availableParallelism(),
    // The default report, then one line naming what tests skipped for lack of ../shared or a
    // browser (test/helpers/prerequisites.ts).
    reporters: ['default', './test/helpers/prerequisites-reporter.ts'],
  },
});
