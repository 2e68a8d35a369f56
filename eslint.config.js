import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const PURE = 'The core is pure: pass values in through the context.';

/** The folders a layer may not import from, and whether it may touch `node:*` and `process`. */
function layers(specs) {
  return specs.map(({ files, banned, pure, noProcess, noFiles }) => {
    const patterns = banned.map((dir) => ({ group: [`**/${dir}/*`, `**/${dir}/**`], message: `${files[0].split('/')[1]}/ may not import from src/${dir}/: dependencies point one way (docs/ARCHITECTURE.md).` }));
    if (pure) patterns.push({ group: ['node:*'], message: 'The core is pure: pass data in, do I/O in src/workspace or an adapter.' });
    if (noFiles) patterns.push({ group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'A use case reads and writes files through src/workspace/, which resolves every path safely.' });
    const rules = { 'no-restricted-imports': ['error', { patterns }] };
    if (pure || noProcess) rules['no-restricted-globals'] = ['error', { name: 'process', message: pure ? PURE : 'A use case never reads the process: the adapter passes what it needs.' }, { name: 'console', message: 'Only adapters print.' }];
    if (pure) {
      rules['no-restricted-syntax'] = ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the clock: take `now` from the context.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core never reads the clock: take `now` from the context.' }];
    }
    return { files, rules };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.work/**', '.execplan/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core may not reach the outside world: only workspace/ and adapters touch node:*.
      'no-restricted-imports': 'off',
    },
  },
  {
    // Plans can be hostile: no pattern may backtrack or rescan without bound (src/ only; tests may).
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': ['error', { ignoreSticky: true, ignorePartial: false }],
    },
  },
  // Dependencies point one way: adapters -> use cases -> workspace -> core and rules (docs/ARCHITECTURE.md).
  ...layers([
    { files: ['src/core/**/*.ts'], pure: true, banned: ['rules', 'formatters', 'workspace', 'usecases', 'commands', 'mcp', 'templates'] },
    { files: ['src/rules/**/*.ts'], pure: true, banned: ['formatters', 'workspace', 'usecases', 'commands', 'mcp', 'templates'] },
    { files: ['src/formatters/**/*.ts'], pure: true, banned: ['usecases', 'commands', 'mcp'] },
    { files: ['src/workspace/**/*.ts', 'src/templates/**/*.ts'], banned: ['usecases', 'commands', 'mcp'] },
    { files: ['src/usecases/**/*.ts'], banned: ['commands', 'mcp'], noProcess: true, noFiles: true },
    { files: ['src/mcp/**/*.ts'], banned: ['commands'] },
    { files: ['src/commands/**/*.ts'], banned: ['mcp'] },
    { files: ['src/terminal/**/*.ts'], banned: ['usecases', 'commands', 'mcp'] },
  ]),
);
