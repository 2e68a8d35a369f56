import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** `npm run test:stress`: the stress and crash tests of test/stress/, hundreds of kills and many processes at once. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/stress/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 600_000,
  },
});
