import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { completionTable } from '../src/commands/completion.js';
import { runCli, tempRepo } from './helpers.js';
import { ensureBuilt } from './helpers/mcp-client.js';
import { binDir, has } from './helpers/installed-bin.js';
import { write } from './helpers/lifecycle.js';

beforeAll(() => ensureBuilt());

/** What bash's completion machinery offers for the words typed so far (the last one being completed). */
function complete(script: string, cwd: string, typed: string[]): string[] {
  const file = path.join(cwd, 'completion.bash');
  writeFileSync(file, script);
  const words = ['execplan', ...typed].map((w) => `'${w}'`).join(' ');
  const out = execFileSync('bash', ['-c', `source "${file}"; COMP_WORDS=(${words}); COMP_CWORD=${typed.length}; _execplan; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    cwd,
    env: { PATH: `${binDir()}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

describe('execplan completion', () => {
  it('covers every visible command and option of the command table', () => {
    const table = completionTable();
    const paths = table.commands.map((c) => c.path.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['init', 'new', 'progress', 'artifact add', 'completion']));
    expect(table.commands.find((c) => c.path.join(' ') === 'lint')!.options.map((o) => o.long)).toContain('--fix-dry-run');
    expect(table.commands.find((c) => c.path.join(' ') === 'show')!.plan).toBe(true);
  });

  it('prints a bash script that completes commands, options and the workspace’s plan ids', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-05_add-csv-export.md', '# Add CSV export\n');
    write(root, '.agent/execplans/2026-01-06_fix-login.md', '# Fix login\n');
    const run = await runCli(['completion', 'bash'], { cwd: root });
    expect(run.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: run.stdout }).status).toBe(0);
    expect(complete(run.stdout, root, ['pro'])).toEqual(['progress']);
    expect(complete(run.stdout, root, ['artifact', ''])).toEqual(['add', 'list']);
    expect(complete(run.stdout, root, ['lint', '--fix'])).toEqual(['--fix', '--fix-dry-run']);
    expect(complete(run.stdout, root, ['progress', '2026'])).toEqual(['2026-01-05_add-csv-export', '2026-01-06_fix-login']);
    expect(complete(run.stdout, root, ['-C', '.', 'show', ''])).toEqual(['2026-01-05_add-csv-export', '2026-01-06_fix-login']);
  });

  it.each(['zsh', 'fish'])('prints a %s script that its shell parses', async (shell) => {
    const run = await runCli(['completion', shell], { cwd: tempRepo() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('completion --plan-ids');
    if (!has(shell)) {
      console.log(`skipped: ${shell} is not installed, so its syntax check did not run`);
      return;
    }
    expect(spawnSync(shell, ['-n'], { input: run.stdout }).status).toBe(0);
  });

  it('lists plan ids quietly, even outside a workspace, and refuses an unknown shell', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-05_add-csv-export.md', '# Add CSV export\n');
    expect((await runCli(['completion', '--plan-ids'], { cwd: root })).stdout).toBe('2026-01-05_add-csv-export\n');
    const bad = await runCli(['completion', 'tcsh'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown shell "tcsh"');
  });
});
