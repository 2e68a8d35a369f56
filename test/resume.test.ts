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
    expect(brief.handoff).toEqual({ heading: '"7. Next steps"', text: 'First restore `make ci`:\n\n- fix TD-010\n- rerun the whole suite' });
    expect(brief.milestones).toEqual({ items: ['Milestone 1: Parser', 'Milestone 2: Rules'], more: 0 });
    expect(renderResume(brief)).toContain('\nThe plan\'s own "7. Next steps":\n  First restore `make ci`:\n\n  - fix TD-010\n  - rerun the whole suite\n\nMilestones:\n  - Milestone 1: Parser\n  - Milestone 2: Rules\n');
    expect(buildResume(parsePlan('# T\n\n## Progress\n\n- [ ] a\n')).handoff).toBeNull();
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
