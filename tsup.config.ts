import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Two entries: the library (with types) and the bin. Code splitting keeps each
// command in its own chunk so `execplan --version` loads almost nothing.
export default defineConfig({
  // The lint worker is its own entry: worker threads start from a file.
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', 'lint-worker': 'src/commands/lint-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: false,
  clean: false,
  shims: false,
  define: { __EXECPLAN_VERSION__: JSON.stringify(version) },
  banner: {},
  // Bundling the small parsing dependencies saves module resolution at start-up.
  noExternal: ['markdown-it', 'string-width'],
});
