import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { lintWorkspace, NO_TITLE, PLAN_PATH } from './helpers/lint-workspace.js';
import { GOOD } from './rules/helpers.js';

const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const env = { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0', NO_COLOR: '1' };
const lint = (cwd: string, args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, 'lint', ...args], { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8' });

describe('the built binary', () => {
  it('prints exactly one JSON document on stdout with --format json', () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    const r = lint(root, ['--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ errorCount: 1, fileCount: 2 });
  });

  it('reads reference definitions, whose entities the bundled parser decodes on demand, and reports the rules, as the library does', async () => {
    const refs = '\n[guide]: docs/a&amp;b.md "R&amp;D &copy;"\n[bad]: javascript&#58;alert(1)\n\nSee [guide].\n';
    const { root } = lintWorkspace({ '2026-01-06_references': GOOD.replace('## Progress', `${refs}\n## Progress`) });
    // SARIF carries every rule's metadata, which the built command line holds as data (src/rules/metas.ts).
    for (const args of [['show', '2026-01-06_references', '--json'], ['lint', '--format', 'json', '2026-01-06_references'], ['lint', '--format', 'sarif']]) {
      const built = spawnSync(process.execPath, [BIN, ...args], { cwd: root, env, encoding: 'utf8' });
      const source = await runCli(args, { cwd: root, env: { NO_COLOR: '1' } });
      expect(built.stderr, args.join(' ')).toBe(source.stderr);
      expect(built.stdout, args.join(' ')).toBe(source.stdout);
      expect(built.status).toBe(source.code);
    }
  });

  it('lints a large run on worker threads with the same output, in the same order, as on one thread', () => {
    const { root } = lintWorkspace();
    const dir = path.join(root, '.agent/execplans');
    for (let i = 0; i < 260; i++) {
      const id = `2026-01-05_plan-${String(i).padStart(3, '0')}`;
      // Every seventh plan has an error, so findings are spread over the chunks.
      writeFileSync(path.join(dir, `${id}.md`), i % 7 ? GOOD.replace('# Add retry', `# Add retry ${i}`) : NO_TITLE);
      mkdirSync(path.join(dir, 'artifacts', id), { recursive: true });
    }
    for (const format of ['stylish', 'json']) {
      // Workers are asked for: on two cores a run this small would lint on the main thread.
      const threaded = lint(root, ['--format', format], { EXECPLAN_DEBUG: 'lint', EXECPLAN_WORKERS: '1' });
      const single = lint(root, ['--format', format], { EXECPLAN_DEBUG: 'lint', EXECPLAN_WORKERS: '0' });
      expect(threaded.stderr).toMatch(/^execplan: linted 261 plans \(0 from the cache\) on worker threads in \d+ ms\.\n$/);
      expect(single.stderr).toContain('on the main thread');
      expect(threaded.status).toBe(1);
      expect(threaded.stdout).toBe(single.stdout);
    }
    const files = JSON.parse(lint(root, ['--json']).stdout).results.map((x: { file: string }) => x.file);
    expect(files).toEqual([...files].sort());
    expect(files).toHaveLength(261);
    // Entries written by workers serve the main thread, and the other way round (cached plans are
    // settled on the main thread before any worker starts).
    const first = lint(root, ['--cache']);
    const second = lint(root, ['--cache'], { EXECPLAN_WORKERS: '0', EXECPLAN_DEBUG: 'lint' });
    expect(second.stderr).toContain('(261 from the cache) on the main thread');
    expect(second.stdout).toBe(first.stdout);
    rmSync(path.join(root, '.execplan'), { recursive: true });
    lint(root, ['--cache'], { EXECPLAN_WORKERS: '0' });
    expect(lint(root, ['--cache'], { EXECPLAN_DEBUG: 'lint' }).stderr).toContain('(261 from the cache) on the main thread');
  });

  it('loads neither the stream nor the socket modules for the commands an agent runs over and over', () => {
    const { root } = lintWorkspace({ '2026-01-06_no-title': NO_TITLE });
    // Node reads the package.json around the working folder to resolve a preloaded module.
    writeFileSync(path.join(root, 'package.json'), '{}\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-modules-'));
    const probe = path.join(dir, 'probe.cjs');
    // Preloaded: at exit, prints the built-in modules the command loaded.
    writeFileSync(probe, "const before = new Set(process.moduleLoadList);\nprocess.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));\n");
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', probe, BIN, ...args], { cwd: root, env: { ...env, NO_COLOR: undefined }, encoding: 'utf8' });
      expect(r.stderr.startsWith("["), r.stderr).toBe(true);
      // node:assert reads process.stderr as it loads, which builds the stream.
      return (JSON.parse(r.stderr) as string[]).filter((m) => /^NativeModule (?:stream|net|tty|readline|assert|internal\/streams\/)/.test(m));
    };
    lint(root, ['--cache']);
    const id = '2026-01-06_no-title';
    const edits = [['progress', id, 'done', '2'], ['progress', id, 'add', 'Write the docs.']];
    // Not checked: lint's coloured report, which loads picocolors (it asks whether stdout is a
    // terminal, a stream there anyway), and the commands that go through the option parser, which
    // loads node:child_process (bench/README.md, "What each start-up device buys").
    for (const args of [['lint', PLAN_PATH], ['lint', '--json', PLAN_PATH], ['lint', '--cache'], ['lint', '--cache', '--json'], ['lint', '--json'], ['list', '--json'], ['show', id], ['resume', id], ...edits]) {
      expect(loaded(args), args.join(' ')).toEqual([]);
    }
    // The edits were made: a command that failed early would load little, and prove nothing.
    expect(readFileSync(path.join(root, `.agent/execplans/${id}.md`), 'utf8')).toMatch(/- \[x\] \(2026-01-05 14:30\) Add the retry loop[^]*- \[ \] Write the docs\./);
  });
});
