import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { lintWorkspace, PLAN_PATH } from './helpers/lint-workspace.js';
import { GOOD } from './rules/helpers.js';

const outsides: string[] = [];
afterEach(() => {
  while (outsides.length) rmSync(outsides.pop()!, { recursive: true, force: true });
});

/** A folder outside every workspace, holding a plan-like file that must never be read or written. */
function outsideFolder(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'execplan-outside-'));
  outsides.push(dir);
  const file = path.join(dir, 'secret.md');
  writeFileSync(file, GOOD.replace('# Add retry to the upload client', '# Secret plan'));
  return { dir, file };
}

describe('symbolic links that lead outside the workspace', () => {
  it('are refused as plans: nothing is read through them, and nothing written', async () => {
    const { root } = lintWorkspace();
    const { file } = outsideFolder();
    symlinkSync(file, path.join(root, '.agent/execplans/2026-01-06_linked.md'));
    const before = readFileSync(file, 'utf8');
    for (const args of [['show', 'linked'], ['resume', '2026-01-06_linked'], ['progress', 'linked', 'add', 'Written through the link.'], ['decide', 'linked', 'Keep it.', '--rationale', 'Works.', '--author', 'Dana'], ['lint', '.agent/execplans/2026-01-06_linked.md'], ['archive', 'linked', '--force']]) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/Refused plan \.agent\/execplans\/2026-01-06_linked\.md: a symbolic link on the way leads outside the workspace/);
      expect(r.stdout, args.join(' ')).not.toContain('Secret plan');
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('are left out of list and lint, which say so on stderr', async () => {
    const { root } = lintWorkspace();
    const { file } = outsideFolder();
    symlinkSync(file, path.join(root, '.agent/execplans/2026-01-06_linked.md'));
    const message = 'execplan: left out .agent/execplans/2026-01-06_linked.md: a symbolic link on the way leads outside the workspace: .agent/execplans/2026-01-06_linked.md -> ';
    for (const args of [['list', '--json'], ['lint', '--format', 'json']]) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stdout, args.join(' ')).not.toMatch(/linked|Secret/);
      expect(r.stdout, args.join(' ')).toContain('add-upload-retry');
    }
  });

  it('refuse a plans folder that is a link to elsewhere, for new plans and listings alike', async () => {
    const { root } = lintWorkspace();
    const { dir } = outsideFolder();
    mkdirSync(path.join(root, 'docs'));
    symlinkSync(dir, path.join(root, 'docs/plans'));
    writeFileSync(path.join(root, 'execplan.json'), JSON.stringify({ paths: { active: 'docs/plans' } }));
    const created = await runCli(['new', 'Sneak a plan out'], { cwd: root });
    expect(created.code).toBe(2);
    expect(created.stderr).toMatch(/Refused plans folder docs\/plans: a symbolic link on the way leads outside the workspace/);
    const listed = await runCli(['list', '--json'], { cwd: root });
    expect(JSON.parse(listed.stdout).plans).toEqual([]);
    expect(listed.stderr).toContain('execplan: left out docs/plans: a symbolic link on the way leads outside the workspace: docs/plans -> ');
  });

  it('are followed when they stay inside the workspace', async () => {
    const { root, write } = lintWorkspace();
    write('docs/shared-plan.md', readFileSync(path.join(root, PLAN_PATH), 'utf8'));
    symlinkSync(path.join(root, 'docs/shared-plan.md'), path.join(root, '.agent/execplans/2026-01-06_shared.md'));
    mkdirSync(path.join(root, '.agent/execplans/artifacts/2026-01-06_shared'));
    const listed = await runCli(['list', '--json'], { cwd: root });
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).plans.map((p: { id: string }) => p.id)).toContain('2026-01-06_shared');
    const added = await runCli(['progress', 'shared', 'add', 'Written through an inside link.'], { cwd: root });
    expect(added.code).toBe(0);
    expect(readFileSync(path.join(root, 'docs/shared-plan.md'), 'utf8')).toContain('- [ ] Written through an inside link.');
  });
});
