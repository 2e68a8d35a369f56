/** Every `--json` document has one envelope: `{ ok: true, ...data }`, or `{ ok: false, error: { code, message, ... } }`. */
import { execFileSync } from 'node:child_process';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../src/cli.js';
import { tempRepo } from './helpers.js';
import { cli, write } from './helpers/lifecycle.js';

/** Every command, by its path (`artifact add`), that takes `--json`. */
function jsonCommands(cmd: Command, prefix = ''): string[] {
  return cmd.commands.flatMap((c) => {
    const name = `${prefix}${c.name()}`;
    const own = c.options.some((o) => o.long === '--json') ? [name] : [];
    return [...own, ...jsonCommands(c, `${name} `)];
  });
}

const ID = '2026-01-05_add-csv-export';

/** One successful run of each, in an order that keeps each possible (archive before reopen). */
const RUNS: [string, string[]][] = [
  ['init', ['init', '--no-agents']],
  ['new', ['new', 'Add CSV export']],
  ['list', ['list']],
  ['show', ['show', 'csv']],
  ['lint', ['lint', 'csv']],
  ['progress', ['progress', 'csv', 'add', 'Write the exporter']],
  ['decide', ['decide', 'csv', 'Use the csv module', '--rationale', 'It quotes fields']],
  ['discover', ['discover', 'csv', 'Excel wants a BOM', '--evidence', 'mojibake without it']],
  ['outcome', ['outcome', 'csv', 'Shipped.']],
  ['resume', ['resume', 'csv']],
  ['use', ['use', 'csv']],
  ['doctor', ['doctor']],
  ['log', ['log', 'csv']],
  ['artifact add', ['artifact', 'add', 'csv', 'bench.txt']],
  ['artifact list', ['artifact', 'list', 'csv']],
  ['run', ['run', 'csv', 'node', '-e', '1']],
  ['report', ['report', '--out', 'site']],
  ['hooks', ['hooks', 'install', '--claude']],
  ['git install', ['git', 'install']],
  ['git uninstall', ['git', 'uninstall']],
  ['git hook install', ['git', 'hook', 'install']],
  ['git hook uninstall', ['git', 'hook', 'uninstall']],
  ['archive', ['archive', 'csv', '--force']],
  ['reopen', ['reopen', 'csv']],
];

describe('the --json envelope', () => {
  it('is tried below on every command that takes --json', () => {
    expect(RUNS.map(([name]) => name).sort()).toEqual(jsonCommands(commandTree()).sort());
  });

  it('is { ok: true, ...data } for every command that succeeds', async () => {
    const root = tempRepo({ git: false });
    execFileSync('git', ['init', '-q'], { cwd: root });
    write(root, 'bench.txt', 'p50 9 ms\n');
    for (const [name, argv] of RUNS) {
      // `--json` right after the command's name: after run's plan, it would be the command's own.
      const words = name.split(' ').length;
      const run = await cli([...argv.slice(0, words), '--json', ...argv.slice(words)], { cwd: root });
      expect([name, run.code], run.stderr).toEqual([name, name === 'lint' ? run.code : 0]);
      const doc = JSON.parse(run.stdout);
      expect(Object.keys(doc)[0], name).toBe('ok');
      expect(doc.ok, name).toBe(true);
      expect(doc.error, name).toBeUndefined();
    }
  });

  it('is { ok: false, error } for every failure: a usage mistake, a missing plan, a refusal', async () => {
    const root = tempRepo();
    write(root, `.agent/execplans/${ID}.md`, '# Add CSV export\n\n## Progress\n\n- [ ] a\n');
    const cases: [string[], string][] = [
      [['show', 'nothing'], 'PLAN_NOT_FOUND'],
      [['list', '--bogus'], 'USAGE'],
      [['archive', 'csv'], 'REFUSED'],
      [['lint', 'nothing'], 'PLAN_NOT_FOUND'],
      [['artifact', 'list', 'nothing'], 'PLAN_NOT_FOUND'],
    ];
    for (const [argv, code] of cases) {
      const run = await cli([...argv, '--json'], { cwd: root });
      expect(run.code, argv.join(' ')).not.toBe(0);
      const doc = JSON.parse(run.stdout);
      expect(Object.keys(doc).slice(0, 2), argv.join(' ')).toEqual(['ok', 'error']);
      expect([doc.ok, doc.error.code, typeof doc.error.message], argv.join(' ')).toEqual([false, code, 'string']);
    }
  });
});
