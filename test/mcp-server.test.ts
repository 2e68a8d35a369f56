import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { inToolWords } from '../src/mcp/tool-words.js';
import { call, connect, ensureBuilt, type Connected } from './helpers/mcp-client.js';

let base: string;
let ws: string;
let server: Connected;

beforeAll(async () => {
  ensureBuilt();
  base = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-'));
  ws = path.join(base, 'repo');
  mkdirSync(path.join(ws, '.git'), { recursive: true });
  server = await connect(ws);
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

const PLAN_ID = '2026-01-05_add-csv-export';

describe('execplan mcp', () => {
  it('initializes as execplan with tools, resources and prompts', () => {
    expect(server.client.getServerVersion()?.name).toBe('execplan');
    const caps = server.client.getServerCapabilities();
    expect(caps?.tools).toBeDefined();
    expect(caps?.resources).toBeDefined();
    expect(caps?.prompts).toBeDefined();
    expect(server.client.getInstructions()).toMatch(/list_plans/);
  });

  it('creates a plan, lists it and shows it whole or by section', async () => {
    const created = await call(server.client, 'create_plan', { description: 'Add CSV export' });
    expect(created.isError).toBeFalsy();
    expect(created.structuredContent).toEqual({ id: PLAN_ID, path: `.agent/execplans/${PLAN_ID}.md`, artifacts: `.agent/execplans/artifacts/${PLAN_ID}`, absolutePath: path.join(ws, `.agent/execplans/${PLAN_ID}.md`), absoluteArtifacts: path.join(ws, `.agent/execplans/artifacts/${PLAN_ID}`) });
    const file = path.join(ws, '.agent', 'execplans', `${PLAN_ID}.md`);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Add CSV export\n/);

    const listed = await call(server.client, 'list_plans');
    expect(listed.structuredContent).toEqual({ plans: [expect.objectContaining({ id: PLAN_ID, title: 'Add CSV export', state: 'not started', done: 0, total: 1 })] });
    expect(listed.text).toContain(PLAN_ID);
    expect((await call(server.client, 'list_plans', { which: 'archived' })).structuredContent).toEqual({ plans: [] });

    const shown = await call(server.client, 'show_plan', { plan: '2026-01-05_add' });
    expect(shown.structuredContent).toMatchObject({ id: PLAN_ID, state: 'not started', text: readFileSync(file, 'utf8'), progress: [{ n: 1, state: 'todo' }] });
    const section = await call(server.client, 'show_plan', { plan: `.agent/execplans/${PLAN_ID}.md`, section: 'decision log' });
    expect(section.text).toMatch(/^## Decision Log\n/);
    expect(section.text).not.toContain('## Outcomes');
  });

  it('serves each plan as a resource', async () => {
    const { resources } = await server.client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: `execplan://plan/${PLAN_ID}`, name: PLAN_ID, mimeType: 'text/markdown' })]);
    const { resourceTemplates } = await server.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['execplan://plan/{id}']);
    const read = await server.client.readResource({ uri: `execplan://plan/${PLAN_ID}` });
    expect(read.contents).toEqual([{ uri: `execplan://plan/${PLAN_ID}`, mimeType: 'text/markdown', text: readFileSync(path.join(ws, '.agent', 'execplans', `${PLAN_ID}.md`), 'utf8') }]);
    await expect(server.client.readResource({ uri: 'execplan://plan/no-such-plan' })).rejects.toThrow(/No plan matches "no-such-plan"/);
  });

  it('offers the write_execplan and update_execplan prompts', async () => {
    const { prompts } = await server.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['update_execplan', 'write_execplan']);
    const write = await server.client.getPrompt({ name: 'write_execplan', arguments: { task: 'Store readings in SQLite' } });
    const writeText = write.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('');
    expect(writeText).toContain('Store readings in SQLite');
    expect(writeText).toMatch(/create_plan/);
    expect(writeText).toContain('.agent/execplans/');
    expect(writeText).toContain('## The twelve sections');
    const update = await server.client.getPrompt({ name: 'update_execplan', arguments: { plan: PLAN_ID } });
    const updateText = update.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('');
    for (const word of [PLAN_ID, 'progress', '"split"', 'log_decision', 'log_surprise', 'log_outcome']) expect(updateText).toContain(word);
  });

  it('answers an unknown plan with the message the CLI prints, naming tools instead of commands', async () => {
    const result = await call(server.client, 'show_plan', { plan: 'no-such-plan' });
    expect(result.isError).toBe(true);
    const cli = await runCli(['show', 'no-such-plan'], { cwd: ws });
    expect(cli.code).toBe(2);
    expect(`execplan: ${result.text}\n`).toBe(cli.stderr.replace('execplan: ', 'execplan: show_plan: ').replace(/`execplan ([^`]+)`/g, (_, w: string) => inToolWords(`\`execplan ${w}\``)));
    expect(result.text).not.toMatch(/`execplan /);
    expect(result._meta?.['execplan/error']).toMatchObject({ code: 'PLAN_NOT_FOUND' });
  });

  it('answers invalid input with a tool error, and keeps serving', async () => {
    const wrongType = await call(server.client, 'show_plan', { plan: 42 });
    expect(wrongType.isError).toBe(true);
    expect(wrongType.text).toMatch(/plan/);
    const missing = await call(server.client, 'create_plan', {});
    expect(missing.isError).toBe(true);
    const empty = await call(server.client, 'create_plan', { description: '  ' });
    expect(empty.isError).toBe(true);
    expect(empty.text).toMatch(/^create_plan: The description is empty/);
    const badSection = await call(server.client, 'show_plan', { plan: PLAN_ID, section: 'Nonsense' });
    expect(badSection.isError).toBe(true);
    expect(badSection.text).toMatch(/has no section "Nonsense"/);
    expect((await call(server.client, 'list_plans')).isError).toBeFalsy();
  });

  it('refuses paths outside the workspace: absolute, climbing out, or through a symbolic link', async () => {
    const outside = path.join(base, 'outside.md');
    writeFileSync(outside, '# Secret\n');
    symlinkSync(outside, path.join(ws, '.agent', 'execplans', 'linked.md'));
    for (const plan of [outside, '../outside.md', 'linked', '.agent/execplans/linked.md']) {
      const result = await call(server.client, 'show_plan', { plan });
      expect(result.isError, plan).toBe(true);
      expect(result._meta?.['execplan/error'], plan).toMatchObject({ code: 'UNSAFE_PATH' });
      expect(result.text).not.toContain('# Secret');
    }
    await expect(server.client.readResource({ uri: 'execplan://plan/linked' })).rejects.toThrow(/outside the workspace/);
    // Listings leave the link out rather than read through it.
    expect(JSON.stringify((await call(server.client, 'list_plans')).structuredContent)).not.toMatch(/linked|Secret/);
    expect(JSON.stringify(await server.client.listResources())).not.toMatch(/linked|Secret/);
    expect(JSON.stringify((await call(server.client, 'lint_plan')).structuredContent)).not.toMatch(/linked/);
    rmSync(path.join(ws, '.agent', 'execplans', 'linked.md'));
  });
});

describe('living-document tools', () => {
  const id = '2026-01-05_living-sections';
  const file = () => path.join(ws, '.agent', 'execplans', `${id}.md`);

  it('adds, ticks, splits and reopens Progress items', async () => {
    await call(server.client, 'create_plan', { description: 'Living sections' });
    const added = await call(server.client, 'progress', { plan: id, action: 'add', text: 'Write the exporter' });
    expect(added.structuredContent).toMatchObject({ path: `.agent/execplans/${id}.md`, changed: true, entry: '- [ ] Write the exporter' });
    await call(server.client, 'progress', { plan: id, action: 'add', text: 'Test the exporter' });
    const done = await call(server.client, 'progress', { plan: id, action: 'done', item: '1' });
    expect(done.structuredContent).toMatchObject({ changed: true, entry: '- [x] (2026-01-05 14:30) Write the exporter' });
    const again = await call(server.client, 'progress', { plan: id, action: 'done', item: 'exporter' });
    expect(again.isError).toBe(true);
    expect(again._meta?.['execplan/error']).toMatchObject({ code: 'ITEM_AMBIGUOUS' });
    const split = await call(server.client, 'progress', { plan: id, action: 'split', item: 'Test', text: 'Unit tests', remaining: 'Integration tests' });
    expect(split.structuredContent).toMatchObject({ entry: '- [x] (2026-01-05 14:30) Unit tests\n- [ ] Integration tests' });
    expect((await call(server.client, 'progress', { plan: id, action: 'undo', item: '2' })).structuredContent).toMatchObject({ entry: '- [ ] Unit tests' });
    const shown = await call(server.client, 'show_plan', { plan: id, section: 'progress' });
    expect(shown.structuredContent).toMatchObject({
      progress: [
        { n: 1, state: 'done', text: 'Write the exporter' },
        { n: 2, state: 'todo', text: 'Unit tests' },
        { n: 3, state: 'todo', text: 'Integration tests' },
      ],
    });
    const missing = await call(server.client, 'progress', { plan: id, action: 'split', item: '3' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toBe('progress: progress with action "split" needs "text"; call progress again with it.');
    // The item by its number, as the tool's description and the update_execplan prompt say.
    expect((await call(server.client, 'progress', { plan: id, action: 'done', item: 3 })).structuredContent).toMatchObject({ entry: '- [x] (2026-01-05 14:30) Integration tests' });
    expect((await call(server.client, 'progress', { plan: id, action: 'undo', item: 3 })).structuredContent).toMatchObject({ entry: '- [ ] Integration tests' });
  });

  it('writes decisions, surprises and outcomes exactly as the CLI does', async () => {
    const twin = '2026-01-05_living-sections-twin';
    const twinFile = path.join(ws, '.agent', 'execplans', `${twin}.md`);
    writeFileSync(twinFile, readFileSync(file(), 'utf8'));
    const env = { EXECPLAN_AUTHOR: 'Ada' };
    const tools = await connect(ws, { env });
    try {
      await call(tools.client, 'log_decision', { plan: id, decision: 'Use CSV', rationale: 'Spreadsheets open it', author: 'Ada' });
      await call(tools.client, 'log_surprise', { plan: id, observation: 'Excel wants a BOM', evidence: 'Umlauts garbled without one' });
      await call(tools.client, 'log_outcome', { plan: id, text: 'Exporter shipped' });
    } finally {
      await tools.close();
    }
    for (const argv of [
      ['decide', twin, 'Use CSV', '--rationale', 'Spreadsheets open it'],
      ['discover', twin, 'Excel wants a BOM', '--evidence', 'Umlauts garbled without one'],
      ['outcome', twin, 'Exporter shipped'],
    ]) {
      const run = await runCli(argv, { cwd: ws, env });
      expect(run.code, run.stderr).toBe(0);
    }
    const text = readFileSync(file(), 'utf8');
    expect(text).toBe(readFileSync(twinFile, 'utf8'));
    expect(text).toContain('- Decision: Use CSV\n  Rationale: Spreadsheets open it\n  Date/Author: 2026-01-05 / Ada\n');
    expect(text).toContain('- Observation: Excel wants a BOM\n  Evidence: Umlauts garbled without one\n');
    expect(text).toContain('- (2026-01-05 14:30) Exporter shipped\n');
    rmSync(twinFile);
  });

  it('briefs, lints and archives, refusing an unfinished plan with the reasons', async () => {
    const brief = await call(server.client, 'resume_plan', { plan: id });
    expect(brief.structuredContent).toMatchObject({ id, done: 1, total: 3, next: [{ n: 2, text: 'Unit tests' }, { n: 3, text: 'Integration tests' }] });
    expect(brief.text).toContain('Where it stands: 1 of 3');
    const one = await call(server.client, 'lint_plan', { plan: id });
    expect(one.structuredContent).toMatchObject({ checked: 1 });
    const lint = one.structuredContent as { errors: number; findings: { path: string; rule: string }[] };
    expect(lint.errors).toBeGreaterThan(0);
    expect(lint.findings.every((f) => f.path === `.agent/execplans/${id}.md`)).toBe(true);
    expect(lint.findings.map((f) => f.rule)).toContain('no-placeholder-text');
    expect(((await call(server.client, 'lint_plan')).structuredContent as { checked: number }).checked).toBe(2);
    // The same findings as `execplan lint`.
    const cli = await runCli(['lint', id, '--format', 'json'], { cwd: ws });
    const report = JSON.parse(cli.stdout) as { results: { file: string; diagnostics: { line: number; severity: string; ruleId: string; message: string }[] }[] };
    const cliFindings = report.results.flatMap((r) => r.diagnostics.map((d) => ({ path: r.file, line: d.line, severity: d.severity, rule: d.ruleId, message: d.message })));
    expect(lint.findings).toEqual(cliFindings);
    const refused = await call(server.client, 'archive_plan', { plan: id });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^archive_plan: Refused to archive \.agent\/execplans\/2026-01-05_living-sections\.md: it is not finished\./);
    expect(refused._meta?.['execplan/error']).toMatchObject({ code: 'REFUSED' });
  });

  it('archives a finished plan with its artifacts folder', async () => {
    const finished = path.join(ws, '.agent', 'execplans', `${id}.md`);
    writeFileSync(finished, readFileSync(new URL('./fixtures/mcp/finished-plan.md', import.meta.url), 'utf8'));
    const lint = await call(server.client, 'lint_plan', { plan: id });
    expect((lint.structuredContent as { errors: number }).errors, lint.text).toBe(0);
    const archived = await call(server.client, 'archive_plan', { plan: id });
    expect(archived.isError, archived.text).toBeFalsy();
    expect(archived.structuredContent).toEqual({ id, from: `.agent/execplans/${id}.md`, to: `.agent/execplans/archive/${id}.md` });
    expect(readFileSync(path.join(ws, '.agent', 'execplans', 'archive', `${id}.md`), 'utf8')).toContain('Exporter shipped');
    expect(((await call(server.client, 'list_plans', { which: 'archived' })).structuredContent as { plans: { id: string; state: string }[] }).plans).toEqual([
      expect.objectContaining({ id, state: 'archived' }),
    ]);
  });
});

describe('calls sent without waiting', () => {
  it('run in the order they were sent', async () => {
    const c = await connect(ws);
    try {
      const id = ((await call(c.client, 'create_plan', { description: 'Pipelined calls' })).structuredContent as { id: string }).id;
      const adds = Array.from({ length: 6 }, (_, i) => call(c.client, 'progress', { plan: id, action: 'add', text: `step ${i + 1}` }));
      const shown = call(c.client, 'show_plan', { plan: id });
      const results = await Promise.all([...adds, shown]);
      expect(results.filter((r) => r.isError).map((r) => r.text)).toEqual([]);
      const texts = ((await shown).structuredContent as { progress: { text: string }[] }).progress.map((p) => p.text);
      expect(texts).toEqual(Array.from({ length: 6 }, (_, i) => `step ${i + 1}`));
    } finally {
      await c.close();
    }
  });
});

describe('two servers on one plan', () => {
  it('lose no update when both add 20 Progress items at once', async () => {
    const a = await connect(ws);
    const b = await connect(ws);
    try {
      const created = await call(a.client, 'create_plan', { description: 'Concurrent writers' });
      const id = (created.structuredContent as { id: string }).id;
      const adds = (c: Connected, who: string) => Array.from({ length: 20 }, (_, i) => call(c.client, 'progress', { plan: id, action: 'add', text: `${who} step ${i + 1}` }));
      const results = await Promise.all([...adds(a, 'A'), ...adds(b, 'B')]);
      expect(results.filter((r) => r.isError).map((r) => r.text)).toEqual([]);
      const shown = await call(a.client, 'show_plan', { plan: id });
      const texts = (shown.structuredContent as { progress: { text: string }[] }).progress.map((p) => p.text);
      expect(texts).toHaveLength(40);
      for (const who of ['A', 'B']) for (let i = 1; i <= 20; i++) expect(texts).toContain(`${who} step ${i}`);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a plans folder that links outside the workspace', () => {
  it('is refused by create_plan before anything is written', async () => {
    const repo = path.join(base, 'linked-folder');
    const elsewhere = path.join(base, 'elsewhere');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, '.agent'), { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(repo, '.agent', 'execplans'));
    const other = await connect(repo);
    try {
      const result = await call(other.client, 'create_plan', { description: 'Escape' });
      expect(result.isError).toBe(true);
      expect(result._meta?.['execplan/error']).toMatchObject({ code: 'UNSAFE_PATH' });
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('workspace from the client roots', () => {
  it('works in the first root the client offers, not the server working directory', async () => {
    const other = path.join(base, 'other');
    mkdirSync(path.join(other, '.git'), { recursive: true });
    const roots = [other, ws];
    const withRoots = await connect(ws, { roots });
    try {
      expect((await call(withRoots.client, 'list_plans')).structuredContent).toEqual({ plans: [] });
      const created = await call(withRoots.client, 'create_plan', { description: 'Other work' });
      expect(created.structuredContent).toMatchObject({ path: '.agent/execplans/2026-01-05_other-work.md' });
      expect(readFileSync(path.join(other, '.agent', 'execplans', '2026-01-05_other-work.md'), 'utf8')).toMatch(/^# Other work/);
      // The client changes its roots: the server follows.
      roots.reverse();
      await withRoots.client.sendRootsListChanged();
      const ids = async () => ((await call(withRoots.client, 'list_plans')).structuredContent as { plans: { id: string }[] }).plans.map((p) => p.id);
      const deadline = Date.now() + 5000;
      while ((await ids()).includes('2026-01-05_other-work') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const cli = JSON.parse((await runCli(['list', '--json'], { cwd: ws })).stdout) as { plans: { id: string }[] };
      expect(await ids()).toEqual(cli.plans.map((p) => p.id));
    } finally {
      await withRoots.close();
    }
  });
});
