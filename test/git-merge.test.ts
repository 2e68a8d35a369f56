import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { gitRepo, type GitRepo } from './helpers/git-repo.js';

const PLAN = '.agent/execplans/2026-01-05_add-csv-export.md';

/** A repository with the merge driver installed and one committed plan. */
async function setup(): Promise<GitRepo> {
  const repo = gitRepo();
  await at(repo, '2026-01-05T09:00:00Z', ['init', '--git', '--no-agents']);
  await at(repo, '2026-01-05T09:00:00Z', ['new', 'Add CSV export', '--date', '2026-01-05']);
  for (const step of ['Write the exporter', 'Add the download button', 'Document the format']) await at(repo, '2026-01-05T09:00:00Z', ['progress', 'add-csv', 'add', step]);
  repo.commitAll('plan');
  return repo;
}

/** Run an execplan command in-process at a given moment (git itself runs the built merge driver). */
async function at(repo: GitRepo, when: string, args: string[]): Promise<void> {
  const r = await runCli(args, { cwd: repo.root, env: { ...repo.env, EXECPLAN_NOW: when, EXECPLAN_AUTHOR: 'Ana' } });
  expect(r.code, r.stderr).toBe(0);
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('merge driver under a real git merge', () => {
  it('keeps every entry both branches appended, once, with no conflict', async () => {
    const repo = await setup();
    expect(repo.read('.gitattributes')).toBe('.agent/execplans/**/*.md merge=execplan\n');
    expect(repo.git('config', '--get', 'merge.execplan.driver').trim()).toBe('execplan merge-driver %O %A %B %P');

    repo.git('checkout', '-q', '-b', 'a');
    await at(repo, '2026-01-06T10:00:00Z', ['progress', 'add-csv', 'done', '1']);
    await at(repo, '2026-01-06T10:05:00Z', ['progress', 'add-csv', 'add', 'Stream large exports']);
    await at(repo, '2026-01-06T10:10:00Z', ['decide', 'add-csv', 'Use RFC 4180 quoting', '--rationale', 'Excel reads it']);
    await at(repo, '2026-01-06T10:15:00Z', ['discover', 'add-csv', 'Excel needs a BOM', '--evidence', 'garbled accents without it']);
    await at(repo, '2026-01-06T10:20:00Z', ['outcome', 'add-csv', 'The exporter shipped behind a flag.']);
    repo.write('notes-a.txt', 'evidence a\n');
    await at(repo, '2026-01-06T10:25:00Z', ['artifact', 'add', 'add-csv', 'notes-a.txt']);
    repo.commitAll('branch a');

    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'b');
    await at(repo, '2026-01-07T09:00:00Z', ['progress', 'add-csv', 'done', '2']);
    await at(repo, '2026-01-07T09:05:00Z', ['progress', 'add-csv', 'add', 'Add a header row option']);
    await at(repo, '2026-01-07T09:10:00Z', ['decide', 'add-csv', 'Stream rows', '--rationale', 'Memory stays flat']);
    await at(repo, '2026-01-07T09:15:00Z', ['discover', 'add-csv', 'Dates need ISO format', '--evidence', 'a test failed on 01/02']);
    await at(repo, '2026-01-07T09:20:00Z', ['outcome', 'add-csv', 'The button shipped.']);
    repo.write('notes-b.txt', 'evidence b\n');
    await at(repo, '2026-01-07T09:25:00Z', ['artifact', 'add', 'add-csv', 'notes-b.txt']);
    repo.commitAll('branch b');

    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'a');
    const merged = repo.tryGit('merge', '--no-ff', '--no-edit', 'b');
    expect(merged.status, merged.stdout + merged.stderr).toBe(0);
    const text = repo.read(PLAN);
    expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    for (const needle of [
      '[x] (2026-01-06 10:00) Write the exporter',
      '[x] (2026-01-07 09:00) Add the download button',
      'Stream large exports',
      'Add a header row option',
      'Use RFC 4180 quoting',
      'Decision: Stream rows',
      'Excel needs a BOM',
      'Dates need ISO format',
      'The exporter shipped behind a flag.',
      'The button shipped.',
    ]) {
      expect(count(text, needle), needle).toBe(1);
    }
    for (const file of ['notes-a.txt', 'notes-b.txt']) expect(text.split('\n').filter((l) => l.includes(file))).toHaveLength(1);
    // Entries with timestamps in time order: branch a's decision (the 6th) before branch b's (the 7th).
    expect(text.indexOf('Use RFC 4180 quoting')).toBeLessThan(text.indexOf('Decision: Stream rows'));
    const lint = repo.execplan(['lint', 'add-csv', '--rule', 'no-placeholder-text=off', '--rule', 'no-empty-sections=off', '--json']);
    const findings = JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] };
    expect(findings.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))).not.toContain('well-formed');
  });

  it('keeps ticks of both sides, and a split on one side with a tick on the other', async () => {
    const repo = await setup();
    repo.git('checkout', '-q', '-b', 'a');
    await at(repo, '2026-01-06T10:00:00Z', ['progress', 'add-csv', 'done', '1']);
    await at(repo, '2026-01-06T10:05:00Z', ['progress', 'add-csv', 'split', '3', '--done', 'Documented the columns', '--remaining', 'Document the quoting rules']);
    repo.commitAll('a');
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'b');
    await at(repo, '2026-01-07T09:00:00Z', ['progress', 'add-csv', 'done', '2']);
    await at(repo, '2026-01-07T09:05:00Z', ['progress', 'add-csv', 'done', '3']);
    repo.commitAll('b');
    repo.git('checkout', '-q', 'a');
    const merged = repo.tryGit('merge', '--no-edit', 'b');
    expect(merged.status, merged.stdout + merged.stderr).toBe(0);
    const items = JSON.parse((await runCli(['progress', 'add-csv', '--json'], { cwd: repo.root })).stdout) as { items: { text: string; state: string }[] };
    expect(items.items.map((i) => [i.text, i.state])).toEqual([
      ['Write the exporter', 'done'],
      ['Add the download button', 'done'],
      ['Documented the columns', 'done'],
      ['Document the quoting rules', 'todo'],
    ]);
  });

  it('leaves standard markers and fails on a true conflict in a narrative section', async () => {
    const repo = await setup();
    const original = repo.read(PLAN);
    repo.git('checkout', '-q', '-b', 'a');
    repo.write(PLAN, original.replace('## Context and Orientation\n', '## Context and Orientation\n\nThe exporter lives in src/export.ts.\n'));
    await at(repo, '2026-01-06T10:00:00Z', ['progress', 'add-csv', 'done', '1']);
    repo.commitAll('a');
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'b');
    repo.write(PLAN, original.replace('## Context and Orientation\n', '## Context and Orientation\n\nThe exporter lives in lib/csv.ts.\n'));
    await at(repo, '2026-01-07T10:00:00Z', ['progress', 'add-csv', 'done', '2']);
    repo.commitAll('b');
    const merged = repo.tryGit('merge', '--no-edit', 'a');
    expect(merged.status).not.toBe(0);
    expect(merged.stdout + merged.stderr).toMatch(/CONFLICT/);
    const text = repo.read(PLAN);
    expect(text).toMatch(/^<<<<<<< ours\nThe exporter lives in lib\/csv\.ts\.\n\n?=======\nThe exporter lives in src\/export\.ts\.\n\n?>>>>>>> theirs\n/m);
    // The living sections merged anyway.
    expect(text).toContain('[x] (2026-01-06 10:00) Write the exporter');
    expect(text).toContain('[x] (2026-01-07 10:00) Add the download button');
    expect(repo.tryGit('diff', '--check').status).not.toBe(0);
  });

  for (const [name, prefix, eol] of [
    ['CRLF', '', '\r\n'],
    ['BOM', '\ufeff', '\n'],
    ['BOM and CRLF', '\ufeff', '\r\n'],
  ] as const) {
    it(`keeps a ${name} plan's bytes`, async () => {
      const repo = await setup();
      const lf = repo.read(PLAN);
      repo.write(PLAN, prefix + lf.replace(/\n/g, eol));
      repo.commitAll(`${name} plan`);
      repo.git('checkout', '-q', '-b', 'a');
      await at(repo, '2026-01-06T10:00:00Z', ['progress', 'add-csv', 'done', '1']);
      await at(repo, '2026-01-06T10:05:00Z', ['decide', 'add-csv', 'Use commas', '--rationale', 'the default']);
      repo.commitAll('a');
      repo.git('checkout', '-q', 'main');
      await at(repo, '2026-01-07T10:00:00Z', ['progress', 'add-csv', 'add', 'Add a header row option']);
      await at(repo, '2026-01-07T10:05:00Z', ['decide', 'add-csv', 'Use UTF-8', '--rationale', 'Excel reads it with a BOM']);
      repo.commitAll('main');
      const merged = repo.tryGit('merge', '--no-edit', 'a');
      expect(merged.status, merged.stdout + merged.stderr).toBe(0);
      const text = repo.read(PLAN);
      expect(text.startsWith(prefix + '# ')).toBe(true);
      if (eol === '\r\n') expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const expected = (prefix + lf.replace(/\n/g, eol))
        .replace(`- [ ] Write the exporter${eol}`, `- [x] (2026-01-06 10:00) Write the exporter${eol}`)
        .replace(`- [ ] Document the format${eol}`, `- [ ] Document the format${eol}- [ ] Add a header row option${eol}`);
      // Everything outside the Progress list and the Decision Log is byte for byte ours.
      const cut = (t: string) => t.slice(0, t.indexOf('## Decision Log'));
      expect(cut(text)).toBe(cut(expected));
      expect(count(text, 'Decision: Use commas')).toBe(1);
      expect(count(text, 'Decision: Use UTF-8')).toBe(1);
    });
  }

  it('git uninstall removes the attribute line and the driver; other lines stay', () => {
    const repo = gitRepo();
    repo.write('.gitattributes', '*.png binary\r\n*.sh text eol=lf');
    expect(repo.execplan(['git', 'install']).status).toBe(0);
    expect(repo.read('.gitattributes')).toBe('*.png binary\r\n*.sh text eol=lf\r\n.agent/execplans/**/*.md merge=execplan\r\n');
    expect(repo.execplan(['git', 'install']).stdout).toMatch(/unchanged\s+\.gitattributes/);
    // A clone without the driver is told how to install it.
    repo.git('config', '--remove-section', 'merge.execplan');
    const listed = repo.execplan(['list']);
    expect(listed.stderr).toContain('execplan git install');
    expect(repo.execplan(['git', 'install']).status).toBe(0);
    expect(repo.execplan(['list']).stderr).not.toContain('execplan git install');
    expect(repo.execplan(['git', 'uninstall']).status).toBe(0);
    expect(repo.read('.gitattributes')).toBe('*.png binary\r\n*.sh text eol=lf\r\n');
    expect(repo.tryGit('config', '--get', 'merge.execplan.driver').status).not.toBe(0);
  });
});
