import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { addPlan, cli, FINISHED_PLAN, filesOf, lintOff, PLAN_ID, snapshot, write } from './helpers/lifecycle.js';

const ACTIVE = `.agent/execplans/${PLAN_ID}.md`;
const ARCHIVED = `.agent/execplans/archive/${PLAN_ID}.md`;
const ART = `.agent/execplans/artifacts/${PLAN_ID}`;
const ARCHIVED_ART = `.agent/execplans/archive/artifacts/${PLAN_ID}`;

/** A finished plan with two unchecked items and an empty Outcomes section. */
const UNFINISHED = FINISHED_PLAN.replace('- [x] (2026-01-05 09:00) Added tests for the back-off.', '- [x] (2026-01-05 09:00) Added tests for the back-off.\n- [ ] Document the setting.\n- [~] Tune the delays.').replace(
  'Retries shipped; the import survives a flaky upstream. Lesson: read the headers first.',
  'At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned.',
);

describe('execplan archive and reopen', () => {
  it('moves the plan and its artifacts together, and reopen restores every byte', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, `${ART}/nested/trace.bin`, new Uint8Array([0, 255, 1, 254]));
    const before = snapshot(root);
    const archived = await cli(['archive', 'add-retry'], { cwd: root });
    expect(archived.code).toBe(0);
    expect(archived.stdout).toContain(`${ACTIVE} -> ${ARCHIVED}`);
    expect(existsSync(path.join(root, ACTIVE))).toBe(false);
    expect(existsSync(path.join(root, ART))).toBe(false);
    expect(readFileSync(path.join(root, ARCHIVED), 'utf8')).toBe(FINISHED_PLAN);
    expect(readFileSync(path.join(root, ARCHIVED_ART, 'bench.txt'), 'utf8')).toBe('p50 12 ms\n');
    expect((await cli(['list', '--archived', '--json'], { cwd: root })).stdout).toContain(PLAN_ID);

    const reopened = await cli(['reopen', PLAN_ID], { cwd: root });
    expect(reopened.code).toBe(0);
    expect(reopened.stdout).toContain(`${ARCHIVED} -> ${ACTIVE}`);
    expect(filesOf(snapshot(root))).toEqual(filesOf(before));
  });

  it('says there are no archived plans when reopen finds none', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['reopen', 'nope'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('execplan: No plan matches "nope".\nThere are no archived plans in .agent/execplans/archive; `execplan list` shows the active ones.\n');
  });

  it('moves a plan without an artifacts folder', async () => {
    const root = tempRepo();
    addPlan(root, { artifacts: false });
    const run = await cli(['archive', PLAN_ID, '--json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).moves).toEqual([{ kind: 'plan', from: ACTIVE, to: ARCHIVED }]);
  });

  it('keeps a plan in a subfolder of the active folder in the same subfolder of the archive', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/team-a/2026-02-01_x.md', FINISHED_PLAN);
    const run = await cli(['archive', '2026-02-01_x'], { cwd: root });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '.agent/execplans/archive/team-a/2026-02-01_x.md'))).toBe(true);
    expect((await cli(['reopen', '2026-02-01_x'], { cwd: root })).code).toBe(0);
    expect(existsSync(path.join(root, '.agent/execplans/team-a/2026-02-01_x.md'))).toBe(true);
  });

  it('follows the configured folders', async () => {
    const root = tempRepo();
    write(root, 'execplan.json', JSON.stringify({ paths: { active: 'docs/plans/active', archive: 'docs/plans/done', artifacts: 'docs/plans/evidence', archiveArtifacts: 'docs/plans/done-evidence' } }));
    write(root, 'docs/plans/active/p.md', FINISHED_PLAN);
    write(root, 'docs/plans/evidence/p/log.txt', 'ok\n');
    write(root, 'src/retry.ts', '');
    const run = await cli(['archive', 'p', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(root, 'docs/plans/done/p.md'))).toBe(true);
    expect(readFileSync(path.join(root, 'docs/plans/done-evidence/p/log.txt'), 'utf8')).toBe('ok\n');
  });

  it('refuses an unfinished plan, listing every reason, and changes nothing', async () => {
    const root = tempRepo();
    lintOff(root);
    addPlan(root, { text: UNFINISHED });
    const before = snapshot(root);
    const run = await cli(['archive', PLAN_ID], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not finished');
    expect(run.stderr).toContain('2 Progress items are not checked');
    expect(run.stderr).toMatch(/3\. \[ \] Document the setting\. \(line \d+\)/);
    expect(run.stderr).toMatch(/4\. \[~\] Tune the delays\./);
    expect(run.stderr).toMatch(/Outcomes & Retrospective \(line \d+\) is empty/);
    expect(run.stderr).toContain('--force');
    expect(snapshot(root)).toEqual(before);

    const json = await cli(['archive', PLAN_ID, '--json'], { cwd: root });
    const doc = JSON.parse(json.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('REFUSED');
    expect(doc.error.details).toHaveLength(2);
  });

  it('counts a missing Outcomes section and error-level lint findings as reasons', async () => {
    const root = tempRepo();
    const text = FINISHED_PLAN.replace(/## Outcomes & Retrospective\n\n.*\n\n/, '').replace('# Add retry to the HTTP client\n', '');
    addPlan(root, { text });
    const run = await cli(['archive', PLAN_ID, '--json'], { cwd: root });
    expect(run.code).toBe(1);
    const details: string[] = JSON.parse(run.stdout).error.details;
    expect(details.some((d) => d.includes('has no Outcomes & Retrospective section'))).toBe(true);
    expect(details.some((d) => /`execplan lint` reports \d+ errors?/.test(d) && d.includes(' title'))).toBe(true);
  });

  it('accepts a finished plan under the default lint rules', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['archive', PLAN_ID], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('--force archives anyway and records a dated line in Outcomes & Retrospective', async () => {
    const root = tempRepo();
    lintOff(root);
    addPlan(root, { text: UNFINISHED });
    const run = await cli(['archive', PLAN_ID, '--force'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const line = '- (2026-01-05 14:30) Archived with --force: 2 unchecked Progress items, empty Outcomes & Retrospective.';
    expect(run.stdout).toContain(line);
    const text = readFileSync(path.join(root, ARCHIVED), 'utf8');
    // The skeleton's guidance stays; the line is appended under it, and nothing else changes.
    expect(text).toBe(UNFINISHED.replace('summarize what shipped, what didn’t, and lessons learned.\n', `summarize what shipped, what didn’t, and lessons learned.\n\n${line}\n`));
  });

  it('--force writes the line in the configured timestamp style and keeps CRLF line endings', async () => {
    const root = tempRepo();
    lintOff(root, { timestamps: { style: 'utc' } });
    addPlan(root, { text: UNFINISHED.replace(/\n/g, '\r\n') });
    const run = await cli(['archive', PLAN_ID, '--force'], { cwd: root, env: { EXECPLAN_TZ_OFFSET: '120' } });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(path.join(root, ARCHIVED), 'utf8');
    expect(text).toContain('\r\n- (2026-01-05 14:30Z) Archived with --force: 2 unchecked Progress items, empty Outcomes & Retrospective.\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('--dry-run lists the moves and changes nothing', async () => {
    const root = tempRepo();
    lintOff(root);
    addPlan(root, { text: UNFINISHED });
    const before = snapshot(root);
    const run = await cli(['archive', PLAN_ID, '--dry-run', '--force'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Would archive ${PLAN_ID}:`);
    expect(run.stdout).toContain(`${ART}/ -> ${ARCHIVED_ART}/`);
    expect(run.stdout).toContain('Would record in Outcomes & Retrospective:');
    expect(snapshot(root)).toEqual(before);
    const json = JSON.parse((await cli(['archive', PLAN_ID, '--dry-run', '--force', '--json'], { cwd: root })).stdout);
    expect(json).toMatchObject({ ok: true, dryRun: true, forced: true, moves: [{ kind: 'plan' }, { kind: 'artifacts' }] });
    expect(json.reasons.map((r: { kind: string }) => r.kind)).toEqual(['unchecked-progress', 'empty-outcomes']);
    expect(snapshot(root)).toEqual(before);
    expect((await cli(['reopen', PLAN_ID, '--dry-run'], { cwd: root })).code).toBe(1);
  });

  it('refuses up front when a name is taken in the archive', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, `${ARCHIVED_ART}/old.txt`, 'old\n');
    const before = snapshot(root);
    const run = await cli(['archive', PLAN_ID], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${ARCHIVED_ART}/ is already taken`);
    expect(run.stderr).toContain('nothing was moved');
    expect(snapshot(root)).toEqual(before);

    write(root, ARCHIVED, 'an older plan\n');
    const both = await cli(['archive', PLAN_ID], { cwd: root });
    expect(both.stderr).toContain(`the names ${ARCHIVED} and ${ARCHIVED_ART}/ are already taken`);
  });

  it('reopen refuses when the active name is taken, and when the plan is not archived', async () => {
    const root = tempRepo();
    addPlan(root);
    expect((await cli(['archive', PLAN_ID], { cwd: root })).code).toBe(0);
    write(root, ACTIVE, 'a new plan with the same name\n');
    const before = snapshot(root);
    const run = await cli(['reopen', PLAN_ID], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${ACTIVE} is already taken`);
    expect(snapshot(root)).toEqual(before);

    const other = tempRepo();
    addPlan(other);
    const notArchived = await cli(['reopen', PLAN_ID], { cwd: other });
    expect(notArchived.code).toBe(1);
    expect(notArchived.stderr).toContain('is not archived');
  });

  it('refuses to archive a plan twice', async () => {
    const root = tempRepo();
    addPlan(root);
    await cli(['archive', PLAN_ID], { cwd: root });
    const again = await cli(['archive', ARCHIVED], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is already archived');
  });
});

describe('archive and reopen path safety', () => {
  it('refuses an artifacts folder that is a link leading outside the workspace', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    write(outside, 'secret.txt', 'x');
    addPlan(root, { artifacts: false });
    write(root, '.agent/execplans/artifacts/README.md', 'evidence\n');
    symlinkSync(outside, path.join(root, ART));
    const before = snapshot(root);
    const run = await cli(['archive', PLAN_ID], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(run.stderr).toContain('outside the workspace');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an archive folder that is a link leading outside the workspace', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root);
    symlinkSync(outside, path.join(root, '.agent/execplans/archive'));
    const run = await cli(['archive', PLAN_ID, '--json'], { cwd: root });
    expect(JSON.parse(run.stdout).error.code).toBe('UNSAFE_PATH');
    expect(existsSync(path.join(root, ACTIVE))).toBe(true);
  });

  it('refuses plan ids that are reserved device names or dot names', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/con.md', FINISHED_PLAN);
    const run = await cli(['archive', 'con', '--json'], { cwd: root });
    const doc = JSON.parse(run.stdout);
    expect(doc.error.code).toBe('UNSAFE_PATH');
    expect(doc.error.message).toContain('device name Windows reserves');
    write(root, '.agent/execplans/sub/..md', FINISHED_PLAN);
    const dots = await cli(['archive', '.agent/execplans/sub/..md', '--json'], { cwd: root });
    expect(JSON.parse(dots.stdout).error.code).toBe('UNSAFE_PATH');
  });

  it('refuses plan references outside the workspace or with NUL bytes', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    write(outside, 'x.md', FINISHED_PLAN);
    addPlan(root);
    for (const ref of [path.join(outside, 'x.md'), '../x.md', `${PLAN_ID}\0`]) {
      const run = await cli(['archive', ref, '--json'], { cwd: root });
      expect(run.code).toBe(2);
      expect(['UNSAFE_PATH', 'PLAN_NOT_FOUND']).toContain(JSON.parse(run.stdout).error.code);
    }
    expect((await cli(['archive', path.join(outside, 'x.md'), '--json'], { cwd: root })).stdout).toContain('UNSAFE_PATH');
    expect((await cli(['reopen', `x\0`, '--json'], { cwd: root })).stdout).toContain('UNSAFE_PATH');
  });
});

describe('archive of a plan that is not UTF-8', () => {
  it('moves the bytes as they are, but refuses to write a --force note into them', async () => {
    const root = tempRepo();
    lintOff(root);
    const bytes = Buffer.concat([Buffer.from(FINISHED_PLAN.replace('Retries shipped', 'Retries shipp\u00e9d'), 'latin1')]);
    addPlan(root, { text: '' });
    write(root, ACTIVE, bytes);
    const run = await cli(['archive', PLAN_ID], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, ARCHIVED)).equals(bytes)).toBe(true);

    const other = tempRepo();
    lintOff(other);
    addPlan(other, { text: '' });
    write(other, ACTIVE, Buffer.from('# T\n\n## Progress\n\n- [ ] caf\u00e9\n', 'latin1'));
    const before = snapshot(other);
    const forced = await cli(['archive', PLAN_ID, '--force'], { cwd: other });
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('is not valid UTF-8');
    expect(snapshot(other)).toEqual(before);
  });
});
