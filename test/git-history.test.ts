/**
 * Drift, overlap, branch listing and plan history on a scripted git history whose answers are
 * known, renamed files included.
 */
import { describe, expect, it } from 'vitest';
import { planDrift, type HistoryCommit } from '../src/core/drift.js';
import { runCli } from './helpers.js';
import { gitRepo, type GitRepo } from './helpers/git-repo.js';

const ALPHA = '.agent/execplans/2026-01-01_alpha.md';
const BETA = '.agent/execplans/2026-01-02_beta.md';

function plan(title: string, files: string[], items: string[]): string {
  return `# ${title}\n\nThis ExecPlan is a living document.\n\n## Purpose / Big Picture\n\nWork on ${files.map((f) => `\`${f}\``).join(' and ')}.\n\n## Progress\n\n${items.join('\n')}\n\n## Decision Log\n\n## Outcomes & Retrospective\n`;
}

async function cli(repo: GitRepo, args: string[]) {
  return runCli(args, { cwd: repo.root, env: repo.env });
}

describe('drift', () => {
  it('counts the commits after the plan that changed its files, following renames, and clears when the plan is committed', async () => {
    const repo = gitRepo();
    repo.write(ALPHA, plan('Alpha', ['src/a.ts', 'src/b.ts', 'src/untouched.ts'], ['- [x] (2026-01-01 10:00) Start.', '- [ ] Finish.']));
    repo.write('src/a.ts', 'a\n');
    repo.write('src/b.ts', 'b\n');
    repo.write('src/untouched.ts', 'u\n');
    repo.commitAll('alpha plan and code', '2026-01-01T10:00:00Z');
    repo.write('src/a.ts', 'a2\n');
    repo.commitAll('change a', '2026-01-02T10:00:00Z');
    repo.write('src/other.ts', 'o\n');
    repo.commitAll('unrelated', '2026-01-03T10:00:00Z');
    repo.git('mv', 'src/b.ts', 'src/b2.ts');
    repo.commitAll('rename b', '2026-01-04T10:00:00Z');

    let listed = JSON.parse((await cli(repo, ['list', '--json'])).stdout) as { plans: { drift: { commits: number; files: string[]; since: string } | null }[] };
    expect(listed.plans[0]!.drift).toMatchObject({ commits: 2, since: '2026-01-02T10:00:00.000Z' });
    expect(listed.plans[0]!.drift!.files.sort()).toEqual(['src/a.ts', 'src/b.ts → src/b2.ts']);
    const text = await cli(repo, ['list']);
    expect(text.stdout).toMatch(/DRIFT\n.*2 commits, 2 files/);

    const lint = await cli(repo, ['lint', ALPHA, '--json']);
    const found = (JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string; message: string }[] }[] }).results[0]!.diagnostics.filter((d) => d.ruleId === 'plan-drift');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2 commits since 2026-01-02');
    // A threshold above the count silences it.
    repo.write('execplan.json', JSON.stringify({ lint: { rules: { 'plan-drift': ['warn', { minCommits: 3 }] } } }));
    const ruleIds = (stdout: string) => (JSON.parse(stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results.flatMap((x) => x.diagnostics.map((d) => d.ruleId));
    expect(ruleIds((await cli(repo, ['lint', ALPHA, '--json'])).stdout)).not.toContain('plan-drift');
    expect(JSON.parse((await cli(repo, ['list', '--json'])).stdout).plans[0].drift).toBeNull();
    repo.write('execplan.json', '{}');

    // Committing an update of the plan clears it.
    await runCli(['progress', 'alpha', 'done', '2'], { cwd: repo.root, env: { ...repo.env, EXECPLAN_NOW: '2026-01-05T10:00:00Z' } });
    repo.commitAll('plan update', '2026-01-05T10:00:00Z');
    listed = JSON.parse((await cli(repo, ['list', '--json'])).stdout);
    expect(listed.plans[0]!.drift).toBeNull();
    expect(ruleIds((await cli(repo, ['lint', ALPHA, '--json'])).stdout)).not.toContain('plan-drift');
  });

  it('follows a file renamed before its change back to the name the plan uses', () => {
    const history: HistoryCommit[] = [
      { hash: 'c4', time: 4, changes: [{ status: 'M', path: 'lib/new.ts' }] },
      { hash: 'c3', time: 3, changes: [{ status: 'R', from: 'lib/old.ts', path: 'lib/new.ts' }] },
      { hash: 'c2', time: 2, changes: [{ status: 'M', path: 'lib/old.ts' }, { status: 'M', path: 'x.ts' }] },
      { hash: 'c1', time: 1, changes: [{ status: 'M', path: 'plan.md' }] },
      { hash: 'c0', time: 0, changes: [{ status: 'M', path: 'lib/old.ts' }] },
    ];
    // The plan names the new name: the older commits on the old name count too, not the one before the plan.
    expect(planDrift('plan.md', ['lib/new.ts'], history)).toMatchObject({ commits: 3, files: ['lib/new.ts'], planCommit: { hash: 'c1' } });
    expect(planDrift('plan.md', ['lib/old.ts'], history)).toMatchObject({ commits: 2, files: ['lib/old.ts → lib/new.ts'] });
    expect(planDrift('plan.md', ['y.ts'], history)).toBeUndefined();
    // A plan never committed is never said to drift.
    expect(planDrift('other.md', ['lib/new.ts'], history)).toBeUndefined();
  });
});

describe('list --branches', () => {
  it('lists every branch and worktree without checkout, reads each distinct plan once, and reports overlaps', async () => {
    const repo = gitRepo();
    repo.write(ALPHA, plan('Alpha', ['src/shared.ts', 'src/a.ts'], ['- [ ] One.', '- [ ] Two.']));
    repo.commitAll('alpha');
    for (const b of ['b1', 'b2', 'b3']) repo.git('branch', b);
    repo.git('checkout', '-q', '-b', 'beta');
    repo.write(BETA, plan('Beta', ['src/shared.ts'], ['- [x] (2026-01-02 10:00) One.', '- [ ] Two.']));
    repo.commitAll('beta');
    repo.git('checkout', '-q', '-b', 'done-gamma', 'main');
    repo.write('.agent/execplans/2026-01-03_gamma.md', plan('Gamma', ['src/shared.ts'], ['- [x] (2026-01-03 10:00) All.']));
    repo.commitAll('gamma, finished');
    repo.git('checkout', '-q', 'main');
    repo.git('worktree', 'add', '-q', '../wt', 'b1');
    repo.write('../wt/.agent/execplans/2026-01-01_alpha.md', plan('Alpha', ['src/shared.ts', 'src/a.ts'], ['- [x] (2026-01-04 10:00) One.', '- [ ] Two.']));

    const r = await cli(repo, ['list', '--branches', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      branches: string[];
      blobs: number;
      plans: { id: string; branches: string[]; worktrees: string[]; done: number; total: number }[];
      overlaps: { plans: { id: string }[]; files: string[] }[];
    };
    expect(out.branches.sort()).toEqual(['b1', 'b2', 'b3', 'beta', 'done-gamma', 'main']);
    // alpha as committed (6 branches, the main worktree), alpha edited in the b1 worktree, beta, gamma.
    expect(out.blobs).toBe(4);
    const alpha = out.plans.filter((p) => p.id === '2026-01-01_alpha');
    expect(alpha.map((p) => [p.branches, p.worktrees, p.done])).toEqual([
      [['b1', 'b2', 'b3', 'beta', 'done-gamma', 'main'], ['.'], 0],
      [[], ['../wt'], 1],
    ]);
    // gamma is complete: no overlap with it.
    expect(out.overlaps.map((o) => [o.plans.map((p) => p.id), o.files])).toEqual([[['2026-01-01_alpha', '2026-01-02_beta'], ['src/shared.ts']]]);
    const text = await cli(repo, ['list', '--branches']);
    expect(text.stdout).toContain('Overlapping plans');
    expect(text.stdout).toMatch(/2026-01-01_alpha .*and 2026-01-02_beta .*: src\/shared\.ts/);
  });
});

describe('log', () => {
  it('lists the commits of a plan across its move into the archive, with progress at each', async () => {
    const repo = gitRepo();
    repo.write(ALPHA, plan('Alpha', ['src/a.ts'], ['- [ ] One.', '- [ ] Two.']));
    repo.commitAll('plan', '2026-01-01T10:00:00Z');
    await runCli(['progress', 'alpha', 'done', '1'], { cwd: repo.root, env: { ...repo.env, EXECPLAN_NOW: '2026-01-02T09:00:00Z' } });
    repo.commitAll('one done', '2026-01-02T10:00:00Z');
    await runCli(['progress', 'alpha', 'done', '2'], { cwd: repo.root, env: { ...repo.env, EXECPLAN_NOW: '2026-01-03T09:00:00Z' } });
    repo.commitAll('two done', '2026-01-03T10:00:00Z');
    repo.write('.agent/execplans/archive/.gitkeep', '');
    repo.git('mv', ALPHA, '.agent/execplans/archive/2026-01-01_alpha.md');
    repo.commitAll('archive', '2026-01-04T10:00:00Z');

    const r = await cli(repo, ['log', 'alpha', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const log = JSON.parse(r.stdout) as { path: string; commits: { subject: string; done: number; total: number; path: string; date: string }[]; progress: { at: string; done: number }[]; uncommitted: boolean };
    expect(log.path).toBe('.agent/execplans/archive/2026-01-01_alpha.md');
    expect(log.commits.map((c) => [c.subject, c.done, c.total, c.path])).toEqual([
      ['plan', 0, 2, ALPHA],
      ['one done', 1, 2, ALPHA],
      ['two done', 2, 2, ALPHA],
      ['archive', 2, 2, '.agent/execplans/archive/2026-01-01_alpha.md'],
    ]);
    expect(log.commits[0]!.date).toBe('2026-01-01T10:00:00.000Z');
    expect(log.progress.map((p) => [p.at, p.done])).toEqual([
      ['2026-01-02 09:00', 1],
      ['2026-01-03 09:00', 2],
    ]);
    expect(log.uncommitted).toBe(false);
    const text = await cli(repo, ['log', 'alpha']);
    expect(text.stdout).toMatch(/COMMIT\s+DATE \(UTC\)\s+PROGRESS/);
    expect(text.stdout).toContain('2026-01-03 09:00  2/2');
  });
});
