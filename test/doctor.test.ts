/** `execplan doctor`: reports what interrupted processes left, and repairs it with --fix. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { addPlan, cli, lintOff, PLAN_ID } from './helpers/lifecycle.js';

const DIR = '.agent/execplans';

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

/** A workspace with one plan split from its artifacts, an interrupted archive of another, a killed edit's temporary file and a dead lock. */
function damaged(): string {
  const root = tempRepo();
  lintOff(root);
  addPlan(root);
  addPlan(root, { id: '2026-01-06_other' });
  // Split: the plan active, its artifacts in the archive.
  mkdirSync(path.join(root, DIR, 'archive/artifacts'), { recursive: true });
  renameSync(path.join(root, DIR, 'artifacts', PLAN_ID), path.join(root, DIR, 'archive/artifacts', PLAN_ID));
  // An archive of the other plan killed after moving its artifacts.
  renameSync(path.join(root, DIR, 'artifacts/2026-01-06_other'), path.join(root, DIR, 'archive/artifacts/2026-01-06_other'));
  mkdirSync(path.join(root, '.execplan/journal'), { recursive: true });
  const record = { op: 'archive', id: '2026-01-06_other', pid: deadPid(), host: hostname(), plan: { from: `${DIR}/2026-01-06_other.md`, to: `${DIR}/archive/2026-01-06_other.md` }, artifacts: { from: `${DIR}/artifacts/2026-01-06_other`, to: `${DIR}/archive/artifacts/2026-01-06_other` } };
  writeFileSync(path.join(root, '.execplan/journal/2026-01-06_other.json'), JSON.stringify(record));
  const dead = deadPid();
  writeFileSync(path.join(root, DIR, `.${PLAN_ID}.md.${dead}.0123abcd.execplan-tmp`), 'half');
  mkdirSync(path.join(root, DIR, `${PLAN_ID}.md.lock`));
  writeFileSync(path.join(root, DIR, `${PLAN_ID}.md.lock/owner.json`), JSON.stringify({ pid: dead, host: hostname(), command: 'execplan progress', since: '2026-01-05T00:00:00Z', nonce: 'x' }));
  return root;
}

describe('execplan doctor', () => {
  it('reports, changes nothing, and exits 1; --fix repairs all; then nothing is left', async () => {
    const root = damaged();
    const listing = () => readdirSync(path.join(root, DIR)).sort();
    const before = listing();
    const report = await cli(['doctor'], { cwd: root });
    expect(report.code).toBe(1);
    expect(report.stdout).toContain(`found the archive of ${DIR}/2026-01-06_other.md (to ${DIR}/archive/2026-01-06_other.md, with ${DIR}/artifacts/2026-01-06_other) was interrupted`);
    expect(report.stdout).toContain(`found ${DIR}/${PLAN_ID}.md is active, but its artifacts are in ${DIR}/archive/artifacts/${PLAN_ID}/ (repair: move them to ${DIR}/artifacts/${PLAN_ID}/)`);
    expect(report.stdout).toMatch(/is a temporary file an edit left when it was killed/);
    expect(report.stdout).toMatch(/is a lock whose holder \(pid \d+, `execplan progress`\) is gone/);
    expect(report.stdout).toContain('4 to repair: run `execplan doctor --fix`.');
    expect(listing()).toEqual(before);

    const fixed = await cli(['doctor', '--fix', '--json'], { cwd: root });
    expect(fixed.code, fixed.stdout).toBe(0);
    const doc = JSON.parse(fixed.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.findings.map((f: { kind: string; fixed?: boolean }) => [f.kind, f.fixed])).toEqual([
      ['interrupted-move', true],
      ['split', true],
      ['stale-temp', true],
      ['stale-lock', true],
    ]);
    expect(existsSync(path.join(root, DIR, 'archive/2026-01-06_other.md'))).toBe(true);
    expect(existsSync(path.join(root, DIR, `artifacts/${PLAN_ID}/bench.txt`))).toBe(true);
    expect(readdirSync(path.join(root, DIR)).sort()).toEqual([`${PLAN_ID}.md`, 'archive', 'artifacts']);

    const again = await cli(['doctor'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing to repair: every plan is with its artifacts, and no move, edit or lock was left half done.\n');
  });

  it('an interrupted move is settled by the next command that looks for plans', async () => {
    const root = damaged();
    const shown = await cli(['show', '2026-01-06_other'], { cwd: root });
    expect(shown.code, shown.stderr).toBe(0);
    expect(existsSync(path.join(root, DIR, 'archive/2026-01-06_other.md'))).toBe(true);
    expect(readdirSync(path.join(root, '.execplan/journal'))).toEqual(['.gitignore'].filter((n) => existsSync(path.join(root, '.execplan/journal', n))));
  });
});
