import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from './helpers.js';

const PLAN = `# Demo plan

This ExecPlan is a living document.

## Purpose / Big Picture

Show the edit commands.

## Progress

- [x] (2026-01-01 10:00) Write the parser
- [ ] Write parser tests
- [ ] Write the docs

## Surprises & Discoveries

- Observation: …
  Evidence: …

## Decision Log

- Decision: …
  Rationale: …
  Date/Author: …

## Outcomes & Retrospective

TBD.
`;

function setup(text = PLAN): { root: string; file: string; read: () => string } {
  const root = tempRepo();
  const dir = path.join(root, '.agent/execplans');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '2026-01-05_demo.md');
  writeFileSync(file, text);
  return { root, file, read: () => readFileSync(file, 'utf8') };
}

describe('execplan progress', () => {
  it('lists the items with numbers, states and timestamps', async () => {
    const { root } = setup();
    const r = await runCli(['progress', 'demo'], { cwd: root });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('.agent/execplans/2026-01-05_demo.md: 1 of 3 Progress items done\n    1. [x] (2026-01-01 10:00) Write the parser\n    2. [ ] Write parser tests\n    3. [ ] Write the docs\n');
    const j = JSON.parse((await runCli(['progress', 'demo', '--json'], { cwd: root })).stdout);
    expect(j).toMatchObject({ ok: true, total: 3, done: 1, plan: { id: '2026-01-05_demo' } });
    expect(j.items[1]).toEqual({ index: 2, state: 'todo', mark: ' ', timestamp: null, text: 'Write parser tests', line: 12, depth: 0 });
  });

  it('adds an item, open or done, and says where', async () => {
    const { root, read } = setup();
    const r = await runCli(['progress', 'demo', 'add', 'Ship it'], { cwd: root });
    expect(r).toMatchObject({ code: 0, stdout: 'Added Progress item 4: .agent/execplans/2026-01-05_demo.md:14\n  - [ ] Ship it\n' });
    const d = await runCli(['progress', 'demo', 'add', 'Tag', 'the', 'release', '--done', '--json'], { cwd: root });
    const j = JSON.parse(d.stdout);
    expect(j).toMatchObject({ ok: true, changed: true, written: true, plan: { path: '.agent/execplans/2026-01-05_demo.md' } });
    expect(j.change).toMatchObject({ kind: 'progress.add', entry: '- [x] (2026-01-05 14:30) Tag the release', items: [5], line: 15 });
    expect(read()).toContain('- [ ] Write the docs\n- [ ] Ship it\n- [x] (2026-01-05 14:30) Tag the release\n\n## Surprises');
  });

  it('marks an item done by number or text, undoes it, and splits one', async () => {
    const { root, read } = setup();
    expect((await runCli(['progress', 'demo', 'done', 'tests'], { cwd: root })).stdout).toBe('Marked Progress item 2 done (2026-01-05 14:30): .agent/execplans/2026-01-05_demo.md:12\n  - [x] (2026-01-05 14:30) Write parser tests\n');
    expect((await runCli(['progress', 'demo', 'done', '2'], { cwd: root })).stdout).toMatch(/^Progress item 2 is already done \(2026-01-05 14:30\); nothing changed\. \(\.agent/);
    await runCli(['progress', 'demo', 'undo', '2'], { cwd: root });
    expect(read()).toContain('- [ ] Write parser tests\n');
    const s = await runCli(['progress', 'demo', 'split', 'docs', '--done', 'README written', '--remaining', 'Rule pages'], { cwd: root });
    expect(s.code).toBe(0);
    expect(read()).toContain('- [ ] Write parser tests\n- [x] (2026-01-05 14:30) README written\n- [ ] Rule pages\n\n## Surprises');
  });

  it('prints a unified diff with --dry-run and writes nothing; --expect-hash applies the previewed change', async () => {
    const { root, read } = setup();
    const dry = await runCli(['progress', 'demo', 'add', 'Preview me', '--dry-run'], { cwd: root });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      '--- a/.agent/execplans/2026-01-05_demo.md\n+++ b/.agent/execplans/2026-01-05_demo.md\n@@ -11,6 +11,7 @@\n - [x] (2026-01-01 10:00) Write the parser\n - [ ] Write parser tests\n - [ ] Write the docs\n+- [ ] Preview me\n \n ## Surprises & Discoveries\n \n',
    );
    expect(dry.stderr).toBe('Dry run, nothing written to .agent/execplans/2026-01-05_demo.md: Added Progress item 4.\n');
    expect(read()).toBe(PLAN);
    const { hash, diff } = JSON.parse((await runCli(['progress', 'demo', 'add', 'Preview me', '--dry-run', '--json'], { cwd: root })).stdout);
    expect(diff).toBe(dry.stdout);
    expect((await runCli(['progress', 'demo', 'add', 'Preview me', '--expect-hash', hash], { cwd: root })).code).toBe(0);
    expect(read()).toContain('- [ ] Preview me\n');
    // The plan has changed since that preview: refused.
    const stale = await runCli(['progress', 'demo', 'add', 'Again', '--expect-hash', hash, '--json'], { cwd: root });
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout).error.code).toBe('CHANGED_ON_DISK');
    expect(read()).not.toContain('Again');
  });

  it('explains unknown, ambiguous and missing items, empty text and wrong usage', async () => {
    const { root, read } = setup();
    const unknown = await runCli(['progress', 'demo', 'done', 'deploy'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No Progress item in .agent/execplans/2026-01-05_demo.md contains "deploy"');
    expect(unknown.stderr).toContain('3. [ ] Write the docs');
    const ambiguous = await runCli(['progress', 'demo', 'done', 'write', '--json'], { cwd: root });
    expect(ambiguous.code).toBe(2);
    const err = JSON.parse(ambiguous.stdout).error;
    expect(err).toMatchObject({ code: 'ITEM_AMBIGUOUS', file: '.agent/execplans/2026-01-05_demo.md' });
    expect(err.details).toEqual(['1. [x] (2026-01-01 10:00) Write the parser', '2. [ ] Write parser tests', '3. [ ] Write the docs']);
    expect((await runCli(['progress', 'demo', 'undo', '7'], { cwd: root })).stderr).toContain('There is no Progress item 7');
    const empty = await runCli(['progress', 'demo', 'add', '  '], { cwd: root });
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.stderr).toContain('The step is empty');
    expect((await runCli(['progress', 'demo', 'finish', '2'], { cwd: root })).stderr).toContain('Unknown progress action "finish"');
    expect((await runCli(['progress', 'demo', 'split', '2', '--done', 'x'], { cwd: root })).stderr).toContain('`split` needs both parts');
    expect((await runCli(['progress', 'demo', 'done'], { cwd: root })).stderr).toContain('`done` needs an item');
    expect(read()).toBe(PLAN);
  });

  it('writes timestamps in the style the plan uses, unless execplan.json sets one', async () => {
    const utcPlan = PLAN.replace('(2026-01-01 10:00)', '(2026-01-01 10:00Z)');
    const { root, read } = setup(utcPlan);
    await runCli(['progress', 'demo', 'done', '2'], { cwd: root });
    expect(read()).toContain('- [x] (2026-01-05 14:30Z) Write parser tests\n');
    writeFileSync(path.join(root, 'execplan.json'), JSON.stringify({ timestamps: { style: 'local' } }));
    await runCli(['progress', 'demo', 'done', '3'], { cwd: root });
    expect(read()).toContain('- [x] (2026-01-05 14:30) Write the docs\n');
  });

  it('dates items without a time in a plan whose one stamp is a date alone', async () => {
    const { root, read } = setup(PLAN.replace('(2026-01-01 10:00)', '(2026-01-01)'));
    await runCli(['progress', 'demo', 'done', '2'], { cwd: root });
    await runCli(['progress', 'demo', 'add', 'Publish', '--done'], { cwd: root });
    expect(read()).toContain('- [x] (2026-01-05) Write parser tests\n');
    expect(read()).toContain('- [x] (2026-01-05) Publish\n');
  });

  it('refuses an EXECPLAN_TZ_OFFSET that is not an offset in minutes, and takes one that is', async () => {
    const { root, read } = setup();
    for (const bad of ['999999999999', '99999999', '1441', 'abc', '2h']) {
      const r = await runCli(['progress', 'demo', 'add', 'x', '--done'], { cwd: root, env: { EXECPLAN_TZ_OFFSET: bad } });
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toBe(`execplan: EXECPLAN_TZ_OFFSET=${JSON.stringify(bad)} is not an offset from UTC in minutes; use one such as 120 for UTC+02:00 or -300 for UTC-05:00, or unset it to use the system's zone.\n`);
    }
    expect(read()).toBe(PLAN);
    expect((await runCli(['progress', 'demo', 'add', 'x', '--done'], { cwd: root, env: { EXECPLAN_TZ_OFFSET: '-300' } })).code).toBe(0);
    expect(read()).toContain('- [x] (2026-01-05 09:30) x');
  });

  it('names the file in the way when something other than its lock folder sits at the lock path', async () => {
    const { root, file, read } = setup();
    writeFileSync(`${file}.lock`, 'not a lock\n');
    const r = await runCli(['progress', 'demo', 'add', 'x'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('execplan: Cannot lock .agent/execplans/2026-01-05_demo.md: .agent/execplans/2026-01-05_demo.md.lock is a file, not the lock folder execplan makes. Remove it if nothing else uses it, and run again.\n');
    expect(read()).toBe(PLAN);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['2026-01-05_demo.md', '2026-01-05_demo.md.lock']);
  });

  it('says when the plan has the section twice, and writes into the first', async () => {
    const { root, read } = setup(`${PLAN}\n## Progress\n\n- [ ] Stale copy\n`);
    const r = await runCli(['progress', 'demo', 'add', 'Ship it'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('execplan: .agent/execplans/2026-01-05_demo.md has 2 "Progress" sections (lines 9, 30); execplan reads and writes the first. Merge them into one.\n');
    expect(read()).toContain('- [ ] Write the docs\n- [ ] Ship it\n');
  });

  it('refuses to change an archived plan and says how to reopen it', async () => {
    const { root } = setup();
    const archived = path.join(root, '.agent/execplans/archive/2026-01-05_demo.md');
    mkdirSync(path.dirname(archived), { recursive: true });
    writeFileSync(archived, readFileSync(path.join(root, '.agent/execplans/2026-01-05_demo.md')));
    rmSync(path.join(root, '.agent/execplans/2026-01-05_demo.md'));
    for (const args of [['progress', 'demo', 'add', 'x'], ['decide', 'demo', 'Use X', '--rationale', 'Y', '--author', 'Ada'], ['outcome', 'demo', 'Done']]) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe('execplan: .agent/execplans/archive/2026-01-05_demo.md is archived; its living sections are closed. Run `execplan reopen 2026-01-05_demo` to bring it back to the active plans, then change it.\n');
    }
    expect(readFileSync(archived, 'utf8')).toBe(PLAN);
    // Reading it is fine.
    expect((await runCli(['progress', 'demo'], { cwd: root })).code).toBe(0);
  });

  it('reports a missing plan', async () => {
    const { root } = setup();
    const r = await runCli(['progress', 'nosuchplan', 'add', 'x', '--json'], { cwd: root });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('PLAN_NOT_FOUND');
    const p = await runCli(['decide', '.agent/execplans/missing.md', 'x', '--rationale', 'y'], { cwd: root });
    expect(p.stderr).toContain('No plan file at .agent/execplans/missing.md');
  });
});

describe('execplan decide, discover, outcome', () => {
  it('records a decision, replacing the skeleton placeholder, with the author from --author', async () => {
    const { root, read } = setup();
    const r = await runCli(['decide', 'demo', 'Use', 'SQLite', '--rationale', 'One file, no server.', '--author', 'Ada'], { cwd: root });
    expect(r.stdout).toBe('Added a Decision Log entry (replacing the skeleton placeholder): .agent/execplans/2026-01-05_demo.md:22\n  - Decision: Use SQLite\n    Rationale: One file, no server.\n    Date/Author: 2026-01-05 / Ada\n');
    expect(read()).toContain('## Decision Log\n\n- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-05 / Ada\n\n## Outcomes');
  });

  it('takes the author from execplan.json, then EXECPLAN_AUTHOR, then git’s user.name', async () => {
    const { root, read } = setup();
    writeFileSync(path.join(root, '.git/config'), '[core]\n\tbare = false\n[user]\n\tname = "Repo Person"\n');
    await runCli(['decide', 'demo', 'A', '--rationale', 'r'], { cwd: root });
    expect(read()).toContain('Date/Author: 2026-01-05 / Repo Person');
    await runCli(['decide', 'demo', 'B', '--rationale', 'r'], { cwd: root, env: { EXECPLAN_AUTHOR: 'Env Agent' } });
    expect(read()).toContain('Date/Author: 2026-01-05 / Env Agent');
    writeFileSync(path.join(root, 'execplan.json'), JSON.stringify({ author: 'Config Team' }));
    await runCli(['decide', 'demo', 'C', '--rationale', 'r'], { cwd: root, env: { EXECPLAN_AUTHOR: 'Env Agent' } });
    expect(read()).toContain('- Decision: C\n  Rationale: r\n  Date/Author: 2026-01-05 / Config Team');
  });

  it('refuses a decision without rationale and empty texts', async () => {
    const { root, read } = setup();
    const r = await runCli(['decide', 'demo', 'Use SQLite'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --rationale "why"');
    expect((await runCli(['decide', 'demo', ' ', '--rationale', 'x', '--author', 'a'], { cwd: root })).stderr).toContain('The decision is empty');
    expect((await runCli(['discover', 'demo', 'Slow'], { cwd: root })).stderr).toContain('add --evidence');
    expect((await runCli(['discover', 'demo', 'Slow', '--evidence', ''], { cwd: root })).stderr).toContain('The evidence is empty');
    expect(read()).toBe(PLAN);
  });

  it('records a surprise and an outcome', async () => {
    const { root, read } = setup();
    const s = await runCli(['discover', 'demo', 'Parsing is slow', '--evidence', '2.1 s for 185 KB', '--json'], { cwd: root });
    expect(JSON.parse(s.stdout).change).toMatchObject({ kind: 'surprise.add', entry: '- Observation: Parsing is slow\n  Evidence: 2.1 s for 185 KB', line: 17, replacedPlaceholder: true });
    const o = await runCli(['outcome', 'demo', 'Milestone 1 shipped.'], { cwd: root });
    expect(o.code).toBe(0);
    expect(read()).toContain('## Outcomes & Retrospective\n\n- (2026-01-05 14:30) Milestone 1 shipped.\n');
    expect(read()).not.toContain('TBD.');
  });

  it('writes text of several lines under its entry, and refuses a line that would read as a heading', async () => {
    const { root, read } = setup();
    const injections: string[][] = [
      ['progress', 'demo', 'add', 'second\n## Heading inside'],
      ['progress', 'demo', 'add', 'second\r## Heading inside'],
      ['outcome', 'demo', 'Done.\n## Progress\n- [x] fake'],
      ['decide', 'demo', 'Keep it', '--rationale', 'Works\n======', '--author', 'Dana'],
      ['discover', 'demo', 'Slow', '--evidence', 'Timed it\n---'],
      ['progress', 'demo', 'split', '2', '--done', 'tests\n# Title', '--remaining', 'docs'],
    ];
    for (const args of injections) {
      const r = await runCli(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^execplan: Line 2 of the (?:step|outcome|rationale|evidence|done part) \(".*"\) would be read as a Markdown heading and end the section there; write it without the heading marks, or on one line with the rest\.\n$/);
    }
    expect(read()).toBe(PLAN);
    expect((await runCli(['progress', 'demo', 'add', 'Write the guide\nwith the #2 example\n- and a sub-step'], { cwd: root })).code).toBe(0);
    expect(read()).toContain('- [ ] Write the docs\n- [ ] Write the guide\n  with the #2 example\n  - and a sub-step\n');
    const listed = JSON.parse((await runCli(['progress', 'demo', '--json'], { cwd: root })).stdout);
    expect(listed.total).toBe(4);
  });

  it('creates a missing section with --dry-run showing it first', async () => {
    const { root, read } = setup('# Small\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] a\n');
    const dry = await runCli(['outcome', 'demo', 'Done.', '--dry-run'], { cwd: root });
    expect(dry.stdout).toContain('+## Outcomes & Retrospective\n+\n+- (2026-01-05 14:30) Done.\n');
    expect(read()).not.toContain('Outcomes');
    await runCli(['outcome', 'demo', 'Done.'], { cwd: root });
    expect(read()).toBe('# Small\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] a\n\n## Outcomes & Retrospective\n\n- (2026-01-05 14:30) Done.\n');
  });
});
