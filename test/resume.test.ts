import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { extractCommands, extractFiles } from '../src/core/resume-extract.js';
import { buildResume, renderResume, textSize } from '../src/core/resume.js';
import { renderSkeleton } from '../src/core/skeleton.js';
import { runCli, tempRepo } from './helpers.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

const PLAN = `# Add a cache to the parser

This ExecPlan is a living document.

## Purpose / Big Picture

Explain (briefly) what someone gains after this change and how they can see it working.

After this change, \`execplan list\` answers in under 50 ms on a repository with 500 plans,
because parsed plans are cached by content hash.

You can see it by running the benchmark twice.

## Progress

- [x] (2026-01-05 10:00Z) Measure the baseline
- [x] (2026-01-05 12:00Z) Write src/workspace/cache.ts
- [~] Wire the cache into list
- [ ] Invalidate on config change
- [ ] Document it in README.md
- [ ] Step six
- [ ] Step seven
- [ ] Step eight

## Surprises & Discoveries

- Observation: stat is slower than hashing on network drives
  Evidence: 3 ms vs 1 ms per file

## Decision Log

- Decision: Key the cache by sha256 of the text
  Rationale: mtime lies on some file systems.
  Date/Author: 2026-01-05 / Ada
- Decision: Store it under .execplan/cache.json
  Rationale: One file is cheap to read.
  Date/Author: 2026-01-06 / Ada

## Concrete Steps

Run \`npm run bench\` from the repository root, then:

    npm test -- test/cache.test.ts

## Validation and Acceptance

\`\`\`bash
$ npx vitest run test/cache.test.ts
 ✓ 12 passed
$ node dist/bin.js list
\`\`\`

See https://example.com/docs/cache.md and ../outside/file.ts, and the old /abs/path/file.ts.
`;

describe('buildResume', () => {
  const plan = parsePlan(PLAN);

  it('gathers the purpose, the state, the next steps, the latest log entries, the checks and the files', () => {
    const exists = (p: string) => ['src/workspace/cache.ts', 'README.md', 'test/cache.test.ts'].includes(p);
    const brief = buildResume(plan, { exists, next: 3 });
    expect(brief.title).toBe('Add a cache to the parser');
    expect(brief.purpose).toBe('After this change, `execplan list` answers in under 50 ms on a repository with 500 plans, because parsed plans are cached by content hash.\n\nYou can see it by running the benchmark twice.');
    expect(brief.progress).toMatchObject({ total: 8, done: 2, remaining: 6, lastDone: { index: 2, text: 'Write src/workspace/cache.ts', timestamp: '(2026-01-05 12:00Z)' } });
    expect(brief.progress.next).toEqual({ items: [{ index: 3, state: 'partial', text: 'Wire the cache into list' }, { index: 4, state: 'todo', text: 'Invalidate on config change' }, { index: 5, state: 'todo', text: 'Document it in README.md' }], more: 3 });
    expect(brief.decisions.items.map((d) => d.decision)).toEqual(['Store it under .execplan/cache.json', 'Key the cache by sha256 of the text']);
    expect(brief.decisions.items[0]).toMatchObject({ rationale: 'One file is cheap to read.', dateAuthor: '2026-01-06 / Ada' });
    expect(brief.surprises.items).toEqual([{ observation: 'stat is slower than hashing on network drives', evidence: '3 ms vs 1 ms per file' }]);
    expect(brief.commands.items).toEqual(['npx vitest run test/cache.test.ts', 'node dist/bin.js list', 'npm run bench', 'npm test -- test/cache.test.ts']);
    // The test file is named twice, the others once.
    expect(brief.files).toEqual({ items: ['test/cache.test.ts', 'src/workspace/cache.ts', 'README.md'], more: 0 });
  });

  it('renders a brief that states its own size and cuts lists with "(+N more)"', () => {
    const text = renderResume(buildResume(plan, { next: 2 }), { path: '.agent/execplans/cache.md' });
    expect(text.startsWith('# Add a cache to the parser\nPlan: .agent/execplans/cache.md\n\nPurpose:\n  After this change')).toBe(true);
    expect(text).toContain('Where it stands: 2 of 8 Progress items done, 6 remaining.\nLast done: 2. (2026-01-05 12:00Z) Write src/workspace/cache.ts\nNext:\n  3. [~] Wire the cache into list\n  4. [ ] Invalidate on config change\n  (+4 more)\n');
    expect(text).toContain('Latest decisions (newest first):\n  - Store it under .execplan/cache.json (2026-01-06 / Ada)\n    Rationale: One file is cheap to read.\n');
    const m = /\(brief: (\d+) characters, ~(\d+) tokens\)\n$/.exec(text)!;
    expect(Number(m[1])).toBe(text.length);
    expect(Number(m[2])).toBe(textSize(text).tokens);
  });

  it('says a fresh plan has no purpose written yet, rather than no Purpose section', () => {
    const brief = buildResume(parsePlan(renderSkeleton({ title: 'Add a cache' })));
    expect(brief.purpose).toBe('');
    expect(renderResume(brief)).toContain('Purpose:\n  (none written yet: the Purpose section is missing, empty or still the skeleton guidance)');
  });

  skipsWithout(CORPUS, 'stays under the token budget on every plan of the real corpus');
  it('stays under the token budget on every real plan', () => {
    for (const { name: f, path: file } of realPlans()) {
      const text = renderResume(buildResume(parsePlan(readFileSync(file, 'utf8'))));
      expect(textSize(text).tokens, f).toBeLessThanOrEqual(2000);
    }
  });

  it('shrinks a very long plan to a tighter budget', () => {
    const items = Array.from({ length: 300 }, (_, i) => `- [ ] Step ${i} ${'with a long explanation '.repeat(20)}`).join('\n');
    const big = parsePlan(`# Big\n\n## Purpose / Big Picture\n\n${'Long purpose sentence. '.repeat(200)}\n\n## Progress\n\n${items}\n`);
    const text = renderResume(buildResume(big, { budget: 500 }));
    expect(textSize(text).tokens).toBeLessThanOrEqual(500);
    expect(text).toMatch(/\(\+\d+ more\)/);
  });
});

describe('buildResume on messy logs', () => {
  it('orders entries by their dates, joins labels of the author\'s own, and leaves placeholders out', () => {
    const p = parsePlan(
      [
        '---',
        'title: Import the match sheets',
        '---',
        '',
        '## Progress',
        '',
        '- [x] (2026-02-01 10:00) Read the sheets',
        '- [ ] (YYYY-MM-DD HH:MMZ) …',
        '- [ ] Preview the matrix',
        '',
        '## Decision Log',
        '',
        '- Decision: Use WebGL2 as the fallback renderer',
        '  Rationale: It is everywhere.',
        '  Date/Author: 2026-02-07 / Dana',
        '- **Impact:** the renderer decision shapes the editor.',
        '- Decision: Keep the default renderer',
        '  Rationale: no WebGPU attempt',
        '  Date/Author: 2026-02-09 / Dana',
        '- Decision: Plan the WebGPU renderer (plan creation)',
        '- None yet.',
        '- (record as decisions are made)',
        '- Decision: _pending_',
        '- Date/Author: 2025-12-01 / Codex',
        '',
        '## Surprises & Discoveries',
        '',
        '- Evidence: a log line with no observation above it',
        '- None yet — to be filled during implementation.',
        '',
      ].join('\n'),
    );
    const brief = buildResume(p);
    expect(brief.title).toBe('Import the match sheets');
    expect(brief.progress.next.items.map((i) => i.text)).toEqual(['Preview the matrix']);
    expect(brief.decisions.items.map((d) => d.decision)).toEqual(['Keep the default renderer', 'Use WebGL2 as the fallback renderer', 'Plan the WebGPU renderer (plan creation)']);
    // The entry's text holds its evidence already: it is not shown twice.
    expect(brief.surprises.items).toEqual([{ observation: 'Evidence: a log line with no observation above it', evidence: null }]);
  });

  it('adds the plan\'s own next-steps section and its milestones', () => {
    const p = parsePlan('# T\n\n## Progress\n\n- [x] (2026-01-01 10:00) a\n\n## Milestones\n\n### Milestone 1: Parser\n\nx\n\n### Milestone 2: Rules\n\ny\n\n## 7. Next steps\n\nFirst restore `make ci`:\n\n- fix TD-010\n- rerun the\n  whole suite\n');
    const brief = buildResume(p);
    expect(brief.standing).toEqual([{ kind: 'next', heading: '7. Next steps', line: 17, text: 'First restore `make ci`:\n\n- fix TD-010\n- rerun the whole suite' }]);
    expect(brief.milestones).toEqual({ items: ['Milestone 1: Parser', 'Milestone 2: Rules'], more: 0 });
    expect(renderResume(brief)).toContain('\nThe plan\'s own "7. Next steps" (line 17):\n  First restore `make ci`:\n\n  - fix TD-010\n  - rerun the whole suite\n\nMilestones:\n  - Milestone 1: Parser\n  - Milestone 2: Rules\n');
    expect(buildResume(parsePlan('# T\n\n## Progress\n\n- [ ] a\n')).standing).toEqual([]);
  });

  it('cuts long texts at the end of a word', () => {
    const words = 'abcdefgh '.repeat(300);
    const brief = buildResume(parsePlan(`# T\n\n## Purpose / Big Picture\n\n${words}\n\n## Progress\n\n- [ ] ${words}\n`));
    expect(brief.purpose).toMatch(/ abcdefgh…$/);
    expect(brief.progress.next.items[0]!.text).toMatch(/ abcdefgh…$/);
  });
});

describe('extractCommands and extractFiles', () => {
  it('reads prompts, shell blocks and command-like code spans, and skips output and other languages', () => {
    const p = parsePlan('# T\n\n## Validation and Acceptance\n\n```sh\n# comment\ncargo test\n```\n\n```json\n{"npm": "test"}\n```\n\n```text\n$ make check\nok\n```\n\nThen run `pytest -q` and read `src/a.py`.\n');
    expect(extractCommands(p)).toEqual(['cargo test', 'make check', 'pytest -q']);
  });

  it('takes the checks of Concrete Steps, not its setup, joins continued lines and skips programs named alone', () => {
    const p = parsePlan(
      '# T\n\n## Concrete Steps\n\nRead each file with `cat`.\n\n```bash\npnpm create next-app@latest .\ngit init\npnpm build\nnpx wrangler deploy\ncurl -X POST http://localhost:8000/api/jobs \\\n  -H "Content-Type: application/json"\npnpm test\n```\n',
    );
    expect(extractCommands(p)).toEqual(['pnpm build', 'pnpm test']);
    // A check word among the arguments does not make a command a check.
    const args = parsePlan('# T\n\n## Concrete Steps\n\n```bash\npnpm add -D @types/three vitest\npnpm create next-app@latest . --eslint\npython -m pytest -q\n```\n');
    expect(extractCommands(args)).toEqual(['python -m pytest -q']);
    const v = parsePlan('# T\n\n## Validation and Acceptance\n\n```bash\ncurl -X POST http://localhost:8000/api/jobs \\\n  -H "Content-Type: application/json"\n```\n');
    expect(extractCommands(v)).toEqual(['curl -X POST http://localhost:8000/api/jobs -H "Content-Type: application/json"']);
  });

  it('finds repository-relative paths, not URLs, absolute or parent paths, versions or prose slashes', () => {
    const p = parsePlan('# T\n\nEdit `src/core/parse.ts:42`, ./docs/rules/, package.json and tsconfig.json; see https://x.io/a/b.md, /etc/hosts.conf, ../up/file.ts, v1.2.3, 1.2.3 and read/write access.\n');
    expect(extractFiles(p)).toEqual(['src/core/parse.ts', 'docs/rules', 'package.json', 'tsconfig.json']);
    // The most named first.
    expect(extractFiles(parsePlan('# T\n\nSee AGENTS.md, then edit src/a.ts and test src/a.ts with test/a.test.ts; src/a.ts again.\n'))).toEqual(['src/a.ts', 'AGENTS.md', 'test/a.test.ts']);
  });
});

describe('execplan resume', () => {
  it('prints the brief, listing only files that exist, and --json gives the same as data', async () => {
    const root = tempRepo();
    mkdirSync(path.join(root, '.agent/execplans'), { recursive: true });
    mkdirSync(path.join(root, 'src/workspace'), { recursive: true });
    writeFileSync(path.join(root, '.agent/execplans/2026-01-05_cache.md'), PLAN);
    writeFileSync(path.join(root, 'src/workspace/cache.ts'), '');
    writeFileSync(path.join(root, 'README.md'), '');
    const r = await runCli(['resume', 'cache'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: .agent/execplans/2026-01-05_cache.md');
    expect(r.stdout).toContain('Files the plan names:\n  src/workspace/cache.ts\n  README.md\n\n(brief: ');
    const j = JSON.parse((await runCli(['resume', 'cache', '--json'], { cwd: root })).stdout);
    expect(j).toMatchObject({ ok: true, plan: { id: '2026-01-05_cache', path: '.agent/execplans/2026-01-05_cache.md', archived: false }, text: r.stdout });
    expect(j.size).toEqual({ chars: r.stdout.length, tokens: Math.ceil(r.stdout.length / 4) });
    expect(j.brief.progress.next.items[0]).toEqual({ index: 3, state: 'partial', text: 'Wire the cache into list' });
  });

  it('reports a missing plan', async () => {
    const root = tempRepo();
    const r = await runCli(['resume', 'nothing'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No plan matches "nothing"');
  });
});

describe('resume reads the plan the author wrote', () => {
  const purpose = (text: string) => buildResume(parsePlan(text));

  it.each([
    ['**Goal:** Export the weekly report as CSV.', 'Goal'],
    ['**Goal**: Export the weekly report as CSV.', 'Goal'],
    ['Goal: Export the weekly report as CSV.', 'Goal'],
    ['- **Objective:** Export the weekly report as CSV.', 'Objective'],
    ['目标：Export the weekly report as CSV.', '目标'],
    ['**目標:** Export the weekly report as CSV.', '目標'],
    ['**Objetivo:** Export the weekly report as CSV.', 'Objetivo'],
    ['Objectif : Export the weekly report as CSV.', 'Objectif'],
    ['**Ziel:** Export the weekly report as CSV.', 'Ziel'],
    ['**Цель:** Export the weekly report as CSV.', 'Цель'],
  ])('reads the goal line %j as the purpose of a plan without a Purpose section', (line, label) => {
    const brief = purpose(`# Weekly report\n\n${line}\n**Owner:** Ana\n\n## Tasks\n\n- [ ] Write the exporter\n`);
    expect(brief.purpose).toBe('Export the weekly report as CSV.');
    expect(brief.purposeFrom).toEqual({ kind: 'goal-line', heading: label, line: 3 });
    expect(renderResume(brief)).toContain(`Purpose (its "${label}" line, line 3):\n  Export the weekly report as CSV.\n`);
  });

  it('reads a goal label alone on its line with the list under it', () => {
    const brief = purpose('# Free disk space\n\n## 1. Alignment\n\n- Goal:\n  - Bring the data disk under 80%.\n  - Keep every cache the next run needs.\n- Non-goals:\n  - Touching the code.\n');
    expect(brief.purpose).toBe('- Bring the data disk under 80%.\n- Keep every cache the next run needs.');
  });

  it.each(['## Objective', '## Goal', '## 目标', '## Цель'])('reads an objective section %s as the purpose', (heading) => {
    expect(purpose(`# T\n\n${heading}\n\nShip the importer behind a flag.\n\n## Progress\n\n- [ ] a\n`).purpose).toBe('Ship the importer behind a flag.');
  });

  it('never takes a goal nested inside a phase for the plan\'s purpose', () => {
    const nested = '## Phase 0\n\n### Goal\n\nSet up the benchmark harness.\n\n**Goal:** Land the harness first.\n\n## Phase 1\n\n### Goal\n\nCache parsed plans.\n';
    const withLine = parsePlan(`# Faster listing\n\n**Goal:** List 500 plans in under 50 ms.\n\n${nested}`);
    expect(withLine.sections.map((s) => [s.heading, s.key])).toEqual([['Phase 0', null], ['Phase 1', null]]);
    expect(buildResume(withLine).purpose).toBe('List 500 plans in under 50 ms.');
    // Without a plan-level goal there is no purpose to show: the phases' goals are theirs.
    const without = buildResume(parsePlan(`# Faster listing\n\n${nested}`));
    expect(without.purpose).toBe('');
  });

  it('never ends a purpose at a lead-in line: the list it introduces belongs to it, cut at an item\'s end', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- Outcome number ${i + 1} that the whole effort is measured against, stated plainly.`).join('\n');
    const text = `# T\n\n## Purpose / Big Picture\n\n${'The migration moves every report to the new store. '.repeat(6)}Everything below should all point toward:\n\n${items}\n\nA closing paragraph.\n`;
    const brief = purpose(text);
    const lines = brief.purpose.split('\n');
    expect(lines[0]).toMatch(/should all point toward:$/);
    expect(lines[2]).toBe('- Outcome number 1 that the whole effort is measured against, stated plainly.');
    // Whole items only, then how many were left out.
    for (const l of lines.slice(2, -1)) expect(l).toMatch(/^- Outcome number \d+ that the whole effort is measured against, stated plainly\.$/);
    expect(lines[lines.length - 1]).toMatch(/^\(\+\d+ more\)$/);
    expect(brief.purpose.length).toBeLessThanOrEqual(700 + 20);
  });

  it('counts checkbox tasks under task headings and milestones when Progress has none, and says where they are', () => {
    const text = '# Importer\n\n**Goal:** Import the sheets.\n\n## Tasks\n\n### Parsing\n\n- [x] (2026-03-01 09:00Z) Read the header row\n- [x] (2026-03-02 09:00Z) Read the body rows\n\n### Output\n\n- [ ] Write the preview\n\n## Milestone 2: Polish\n\n- [ ] Add a progress bar\n';
    const brief = purpose(text);
    expect(brief.progress).toMatchObject({ source: 'tasks', total: 4, done: 2, remaining: 2, foundUnder: { items: ['Parsing', 'Output', 'Milestone 2: Polish'], more: 0 } });
    expect(brief.progress.lastDone).toMatchObject({ index: 2, text: 'Read the body rows' });
    expect(brief.progress.next.items.map((i) => i.text)).toEqual(['Write the preview', 'Add a progress bar']);
    expect(renderResume(brief)).toContain('Where it stands: 2 of 4 checkbox tasks done, 2 remaining (the plan has no checkboxes in a Progress section; its tasks stand under "Parsing", "Output", "Milestone 2: Polish").');
    // A Progress section with checkboxes is the progress; tasks elsewhere stay out of it.
    const both = purpose('# T\n\n## Progress\n\n- [x] a\n\n## Tasks\n\n- [ ] b\n- [ ] c\n');
    expect(both.progress).toMatchObject({ source: 'progress', total: 1, done: 1 });
    expect(renderResume(purpose('# T\n\n## Notes\n\nNothing to tick.\n'))).toContain('Where it stands: no checkbox items to count');
  });

  it('shows the plan\'s own status and next-step sections whole, in any language', () => {
    const text = '# T\n\n## Progress\n\n- [ ] a\n\n## Current Status\n\nThe exporter runs on staging.\n\n- CSV output matches the fixtures.\n- The XLSX path is stubbed and\n  still fails on merged cells.\n\n## Next slice\n\n1. Handle merged cells.\n2. Turn the flag on for one team.\n\n## Próximos pasos\n\n- Publicar la guía.\n';
    const brief = purpose(text);
    expect(brief.standing).toEqual([
      { kind: 'status', heading: 'Current Status', line: 7, text: 'The exporter runs on staging.\n\n- CSV output matches the fixtures.\n- The XLSX path is stubbed and still fails on merged cells.' },
      { kind: 'next', heading: 'Next slice', line: 15, text: '1. Handle merged cells.\n2. Turn the flag on for one team.' },
      { kind: 'next', heading: 'Próximos pasos', line: 20, text: '- Publicar la guía.' },
    ]);
    expect(renderResume(brief)).toContain('The plan\'s own "Current Status" (line 7):\n  The exporter runs on staging.\n\n  - CSV output matches the fixtures.\n');
    // A heading read as the plan's context that names where the work stands is its status too.
    const context = parsePlan('# T\n\n## Progress\n\n- [ ] a\n\n### Current State (Verified)\n\nHalf of the tables are filled.\n');
    expect(context.sections.map((s) => s.key)).toEqual(['progress', 'context']);
    expect(buildResume(context).standing).toEqual([{ kind: 'status', heading: 'Current State (Verified)', line: 7, text: 'Half of the tables are filled.' }]);
  });

  it('cuts a long status section at an item\'s end, keeping its start and its latest lines', () => {
    const items = Array.from({ length: 60 }, (_, i) => `- Fact ${i + 1}: the node pool reports healthy after the rolling restart of group ${i + 1}.`);
    const brief = purpose(`# T\n\n## 当前状态\n\nThe cluster is half migrated.\n\n${items.join('\n')}\n\n## Next steps\n\n${items.slice(0, 30).join('\n')}\n`);
    const [status, next] = brief.standing;
    const shown = status!.text.split('\n').filter((l) => l.startsWith('- '));
    for (const l of shown) expect(items).toContain(l);
    expect(status!.text.startsWith('The cluster is half migrated.')).toBe(true);
    expect(status!.text).toContain(items[59]);
    expect(status!.text).toMatch(/\n\(… \d+ more …\)\n/);
    // What comes next is read from its start.
    expect(next!.text.startsWith(items[0]!)).toBe(true);
    expect(next!.text).toMatch(/\n\(\+\d+ more\)$/);
    for (const l of next!.text.split('\n').slice(0, -1)) expect(items).toContain(l);
    expect(textSize(renderResume(brief)).tokens).toBeLessThanOrEqual(2000);
  });

  it('takes the latest done item by its timestamp, a top-level one, and by position when items carry no stamps', () => {
    const last = (progress: string) => buildResume(parsePlan(`# T\n\n## Progress\n\n${progress}\n`)).progress.lastDone?.text;
    // Newest first in the list.
    expect(last('- [x] (2026-03-05 10:00Z) Ship it\n- [x] (2026-03-01 10:00Z) Start it')).toBe('Ship it');
    // Stamps at the end of the line, with a zone.
    expect(last('- [x] Draft the schema 2026-04-06 10:13 CDT\n- [x] Review the schema 2026-04-02 09:00 CDT')).toBe('Draft the schema');
    // A sub-step nested under an item is part of it, not the last step done.
    expect(last('- [x] (2026-03-01 10:00Z) Milestone 1\n  - [x] (2026-03-01 11:00Z) wire the parser\n- [x] (2026-03-02 10:00Z) Milestone 2\n  - [x] (2026-03-02 12:00Z) write the docs')).toBe('Milestone 2');
    expect(last('- [x] Read the code\n- [x] Write the test\n- [ ] Ship')).toBe('Write the test');
    // Steps the author went on ticking without stamps, below the stamped ones, came after them.
    expect(last('- [x] 2026-08-16 — Check the baseline\n- [x] 2026-08-16 — Run the suite\n- [x] Wire the mixer\n- [x] Update the docs')).toBe('Update the docs');
    // A date alone does not say it came before a time on the same day: the list's order decides.
    expect(last('- [x] (2026-05-04 06:31Z) Remove the dead code\n- [x] (2026-05-04) Record the follow-up')).toBe('Record the follow-up');
  });
});

describe('execplan show --json and resume on the plan the author wrote', () => {
  it('gives the goal line, the tasks and the status sections as data, and resume reads them the same way', async () => {
    const root = tempRepo();
    mkdirSync(path.join(root, '.agent/execplans'), { recursive: true });
    writeFileSync(path.join(root, '.agent/execplans/2026-03-01_importer.md'), '# Importer\n\n**Goal:** Import the sheets.\n\n## Tasks\n\n- [x] Read the rows\n- [ ] Write the preview\n\n## Current Status\n\nRows are read; the preview is next.\n');
    const shown = JSON.parse((await runCli(['show', 'importer', '--json'], { cwd: root })).stdout);
    expect(shown.goal).toEqual({ label: 'Goal', text: 'Import the sheets.', line: 3, endLine: 3 });
    expect(shown.tasks.map((t: { text: string; under: unknown }) => [t.text, t.under])).toEqual([['Read the rows', { heading: 'Tasks', line: 5 }], ['Write the preview', { heading: 'Tasks', line: 5 }]]);
    expect(shown.standing).toEqual([{ kind: 'status', heading: 'Current Status', level: 2, line: 10, endLine: 12 }]);
    const r = await runCli(['resume', 'importer'], { cwd: root });
    expect(r.stdout).toContain('Purpose (its "Goal" line, line 3):\n  Import the sheets.\n\nWhere it stands: 1 of 2 checkbox tasks done, 1 remaining');
    expect(r.stdout).toContain('The plan\'s own "Current Status" (line 10):\n  Rows are read; the preview is next.\n');
  });
});
