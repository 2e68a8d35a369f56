import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { RULES } from './src/rules/index.js';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const common: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: false,
  // Tests and benchmarks run from dist/ while it is rebuilt: never empty it under them.
  clean: false,
  shims: false,
  define: { __EXECPLAN_VERSION__: JSON.stringify(version) },
};

/**
 * A package the command line evaluates on its first call rather than as it is loaded: the import
 * is replaced by functions that `require` it then, which esbuild bundles as a module initialised
 * on demand. `exports` are the names the importers use (`default` for the default export);
 * `importedAs` the specifiers they import it by. Measured against the same build without it, it
 * saves a fifth of the CPU time of a warm `lint --cache` (bench/README.md).
 */
function lazy(pkg: string, exports: string[], importedAs: string[] = [pkg]): Plugin {
  const namespace = `lazy-${pkg.replace(/\W/g, '-')}`;
  const body = exports
    .map((name) => `export ${name === 'default' ? 'default function' : `function ${name}`}(...args) { return (loaded ??= require(${JSON.stringify(pkg)}))${name === 'default' ? '.default' : `.${name}`}(...args); }`)
    .join('\n');
  return {
    name: namespace,
    setup(build) {
      const filter = new RegExp(`^(?:${importedAs.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      // The `require` inside the replacement resolves to the package itself.
      build.onResolve({ filter }, (args) => (args.namespace === namespace ? undefined : { path: pkg, namespace }));
      build.onLoad({ filter: /.*/, namespace }, () => ({ contents: `let loaded;\n${body}\n`, resolveDir: process.cwd(), loader: 'js' }));
    },
  };
}

/**
 * src/rules/metas.ts, as the command line bundles it: the rules' metadata, read from the rules
 * here, as data. A run that lints nothing (every plan cached) then does not load the rules' code:
 * a tenth of a warm `lint --cache` run, measured against the same build without it (bench/README.md).
 */
const RULE_METAS_AS_DATA: Plugin = {
  name: 'rule-metas-as-data',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]rules[\\/]metas\.ts$/ }, () => ({
      contents: `export async function loadRuleMetas() { return ${JSON.stringify(RULES.map((r) => r.meta))}; }\n`,
      loader: 'js',
    }));
  },
};

const LAZY_PACKAGES = [
  // string-width builds an Intl.Segmenter as it is loaded, which takes longer than linting a plan,
  // and `lint`'s report only measures text that is not plain with it (src/formatters/stylish.ts).
  lazy('string-width', ['default']),
  // markdown-it's block parser decodes entities only in reference definitions' targets and titles,
  // which few plans have; the decoder builds its tables from a 47 KB string as it is loaded.
  lazy('entities/lib/decode.js', ['decodeHTML', 'decodeHTMLStrict'], ['entities', 'entities/lib/decode.js']),
  // picocolors looks at process.stdout as it is loaded, which loads Node's stream modules: `lint`
  // loads it only when its report is coloured (src/formatters/stylish.ts).
  lazy('picocolors', ['createColors']),
];

// The library, with types. Its dependencies stay packages, except the small parsing ones.
const library: Options = {
  ...common,
  entry: { index: 'src/index.ts' },
  dts: { entry: { index: 'src/index.ts' } },
  noExternal: ['markdown-it', 'string-width'],
  // markdown-it imports the whole of `entities` for its decoder; the encoder tables (a third of
  // the parser's bundled size) come along unless the import points at the decoder alone, which
  // `entities` exports as a module of its own with the same functions.
  esbuildOptions(options) {
    options.alias = { ...options.alias, entities: 'entities/lib/decode.js' };
  },
};

// The command line. Start-up time is most of what a command costs, and resolving and loading
// packages file by file is most of start-up, so every dependency is bundled in: each command
// loads a few chunks and nothing else. Code splitting keeps each command's code in its own
// chunks, so `execplan --version` loads almost nothing and `mcp` alone loads the MCP SDK.
// Whitespace and syntax are minified (names are kept, so stack traces stay readable): V8 reads
// every byte of a module before running it. It is CommonJS: Node's ES module loader costs a
// one-plan lint about a fifth of its time, mostly because importing a built-in module (node:fs)
// evaluates every lazy part of it (fs/promises, streams), where `require` loads what is used.
const commandLine: Options = {
  ...common,
  // The lint worker is its own entry: worker threads start from a file.
  entry: { bin: 'src/bin.ts', 'lint-worker': 'src/usecases/lint-worker.ts' },
  dts: false,
  format: ['cjs'],
  shims: true,
  noExternal: [/.*/],
  minifyWhitespace: true,
  minifySyntax: true,
  esbuildPlugins: [...LAZY_PACKAGES, RULE_METAS_AS_DATA],
  // tsup turns the split ES modules into CommonJS with sucrase, which rewrites `??` and `?.` on
  // its own and gets minified code wrong (`return(a=b).c??=d` lost its space); esbuild lowers
  // them first, so sucrase only rewrites imports and exports.
  esbuildOptions(options) {
    options.supported = { ...options.supported, 'nullish-coalescing': false, 'optional-chain': false, 'logical-assignment': false };
  },
};

/**
 * `tsup` builds both. `tsup --env.EXECPLAN_BUILD cli` builds the command line alone, without the
 * library and its type declarations (most of the build's time): what `npm start` and `npm test` run.
 */
export default defineConfig((options) => (options.env?.EXECPLAN_BUILD === 'cli' ? [commandLine] : [library, commandLine]));
