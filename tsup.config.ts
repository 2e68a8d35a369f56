import { defineConfig } from 'tsup';

// Two entries: the library (with types) and the bin. Code splitting keeps each
// command in its own chunk so `execplan --version` loads almost nothing.
export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: false,
  clean: false,
  shims: false,
  // Bundling the small parsing dependencies saves module resolution at start-up.
  noExternal: ['markdown-it', 'picocolors', 'commander'],
});
