import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rule } from '../src/rules/progress-evidence.js';
import { runCli } from './helpers.js';
import { lintWith } from './rules/helpers.js';

const home = mkdtempSync(path.join(tmpdir(), 'execplan-evidence-home-'));
const made: string[] = [home];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: home };

const plan = (items: string, extra = '') => `# Parser\n\n## Progress\n\n${items}\n${extra}`;

describe('progress-evidence', () => {
  it.each([
    ['- [x] (2026-01-05 14:30) Parser reads headings (evidence: commit 1a2b3c4d5e6f)'],
    ['- [x] (2026-01-05 14:30) Parser reads headings (evidence: [transcript](artifacts/p/2026-01-05T14-29-00_npm-test.log))'],
    ['- [ ] Parser reads lists'],
    ['- [~] Parser reads tables'],
  ])('passes %s', (items) => {
    expect(lintWith(rule, plan(items))).toEqual([]);
  });

  it('reports a done item without evidence, and one citing a run that failed', () => {
    const text = plan(
      '- [x] (2026-01-05 14:30) Parser reads headings\n- [x] (2026-01-05 14:31) Parser reads lists (evidence: [transcript](artifacts/p/b.log))',
      '\n## Artifacts and Notes\n\n- (2026-01-05 14:29) `npm test` exited 1: [transcript](artifacts/p/b.log)\n',
    );
    expect(lintWith(rule, text).map((d) => `${d.line}: ${d.message}`)).toEqual([
      '5: Done item 1 cites no evidence; expected a transcript of a run that exited 0 or a commit.',
      '6: Done item 2 cites the transcript artifacts/p/b.log, of a run that exited 1; expected a run that exited 0.',
    ]);
  });

  it('stays linear on a hostile line', () => {
    const text = plan(`- [x] ${'](('.repeat(50_000)} ${'commit '.repeat(20_000)}`);
    expect(lintWith(rule, text)).toHaveLength(1);
  });
});

describe('progress done --evidence', () => {
  it('cites a transcript that exited 0 or a commit, and refuses the rest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'execplan-evidence-'));
    made.push(root);
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'Dev');
    await runCli(['init'], { cwd: root });
    const { id, path: rel } = JSON.parse((await runCli(['new', 'Parser', '--json'], { cwd: root })).stdout) as { id: string; path: string };
    for (const step of ['Read headings', 'Read lists', 'Read tables']) await runCli(['progress', id, 'add', step], { cwd: root });
    const ok = await runCli(['run', id, '--label', 'ok', '--json', process.execPath, '-e', '0'], { cwd: root });
    const okLog = path.basename(JSON.parse(ok.stdout).transcript as string);
    const bad = await runCli(['run', id, '--label', 'bad', '--json', process.execPath, '-e', 'process.exit(3)'], { cwd: root });
    const badLog = path.basename(JSON.parse(bad.stdout).transcript as string);

    const done = await runCli(['progress', id, 'done', '1', '--evidence', okLog], { cwd: root });
    expect(done.code, done.stderr).toBe(0);
    const file = path.join(root, rel);
    expect(readFileSync(file, 'utf8')).toContain(`- [x] (2026-01-05 14:30) Read headings (evidence: [transcript](artifacts/${id}/${okLog}))\n`);
    // Again: nothing more is written.
    const before = readFileSync(file, 'utf8');
    await runCli(['progress', id, 'done', '1', '--evidence', okLog], { cwd: root });
    expect(readFileSync(file, 'utf8')).toBe(before);

    const refused = await runCli(['progress', id, 'done', '2', '--evidence', badLog], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('records a run that ended with exit code 3; evidence must be a run that exited 0');
    writeFileSync(path.join(root, 'x.ts'), '');
    git('add', '-A');
    git('commit', '-qm', 'work');
    const head = git('rev-parse', 'HEAD').trim();
    expect((await runCli(['progress', id, 'done', '2', '--evidence', 'HEAD'], { cwd: root })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`Read lists (evidence: commit ${head.slice(0, 12)})\n`);
    const unknown = await runCli(['progress', id, 'done', '3', '--evidence', 'deadbeef'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('deadbeef is neither a transcript');
    expect(readFileSync(file, 'utf8')).toContain('- [ ] Read tables');

    // With the rule on, the one item without evidence is reported.
    await runCli(['progress', id, 'done', '3'], { cwd: root });
    const lint = await runCli(['lint', id, '--rule', 'progress-evidence=error', '--format', 'json'], { cwd: root });
    const found = (JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string; message: string }[] }[] }).results[0]!.diagnostics.filter((d) => d.ruleId === 'progress-evidence');
    expect(found.map((d) => d.message)).toEqual(['Done item 3 cites no evidence; expected a transcript of a run that exited 0 or a commit.']);
  });
});
