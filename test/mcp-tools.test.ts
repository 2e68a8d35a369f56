import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { call, connect, ensureBuilt, type Connected } from './helpers/mcp-client.js';

const home = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-tools-home-'));
const gitEnv = { GIT_CONFIG_NOSYSTEM: '1', HOME: home };
let ws: string;
let server: Connected;
let id: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ws, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
}

beforeAll(async () => {
  ensureBuilt();
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.HOME = home;
  ws = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-tools-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev Person');
  await runCli(['init'], { cwd: ws });
  server = await connect(ws, { env: gitEnv });
  const created = await call(server.client, 'create_plan', { description: 'Export reports' });
  id = (created.structuredContent as { id: string }).id;
  await call(server.client, 'progress', { plan: id, action: 'add', text: 'Write the exporter' });
  await call(server.client, 'progress', { plan: id, action: 'add', text: 'Test the exporter' });
  writeFileSync(path.join(ws, 'exporter.ts'), 'export {};\n');
  git('add', '-A');
  git('commit', '-qm', 'start');
});

afterAll(async () => {
  await server?.close();
  rmSync(ws, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

async function stopHook(): Promise<Record<string, unknown>> {
  const input = JSON.stringify({ session_id: 's', transcript_path: '/t', cwd: ws, permission_mode: 'default', hook_event_name: 'Stop', stop_hook_active: false });
  const r = await runCli(['hook', 'stop', '--agent', 'claude'], { cwd: ws, stdin: Readable.from([input]) });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('the MCP tool set', () => {
  it('keeps a session honest end to end: code edited, stop blocked, the tools named run, stop allowed', async () => {
    expect(await stopHook()).toEqual({});
    writeFileSync(path.join(ws, 'exporter.ts'), 'export const run = 1;\n');
    const later = new Date(statSync(path.join(ws, '.agent/execplans', `${id}.md`)).mtimeMs + 2000);
    utimesSync(path.join(ws, 'exporter.ts'), later, later);
    const blocked = await stopHook();
    expect(blocked.decision).toBe('block');
    expect(blocked.reason).toContain(`progress {"plan":"${id}","action":"done","item":1}`);
    // What the reason names, through the tools.
    expect((await call(server.client, 'progress', { plan: id, action: 'done', item: 1 })).isError).toBeFalsy();
    const decided = await call(server.client, 'log_decision', { plan: id, decision: 'Write CSV by hand', rationale: 'Two columns do not need a library' });
    // Signed with the client's name from initialize, not git's user.name.
    expect(decided.structuredContent).toMatchObject({ entry: expect.stringContaining('Date/Author: 2026-01-05 / execplan-test') });
    const bump = new Date(later.getTime() + 2000);
    utimesSync(path.join(ws, '.agent/execplans', `${id}.md`), bump, bump);
    expect(await stopHook()).toEqual({});
  });

  it('runs a command as evidence and lists and adds artifacts, refusing files outside the repository', async () => {
    const ran = await call(server.client, 'run_command', { plan: id, command: [process.execPath, '-e', 'console.log("42 rows")'], label: 'export check' });
    expect(ran.isError, ran.text).toBeFalsy();
    const r = ran.structuredContent as { transcript: string; exitCode: number; tail: string };
    expect(r.exitCode).toBe(0);
    expect(r.tail).toBe('42 rows\n');
    expect(r.transcript).toMatch(new RegExp(`^\\.agent/execplans/artifacts/${id}/2026-01-05T14-30-00_export-check\\.log$`));
    expect(readFileSync(path.join(ws, r.transcript), 'utf8')).toContain('result:   exit code 0');
    expect(readFileSync(path.join(ws, '.agent/execplans', `${id}.md`), 'utf8')).toContain('exited 0: [transcript](artifacts/');
    // The transcript as the evidence of a done item.
    const cited = await call(server.client, 'progress', { plan: id, action: 'done', item: 2, evidence: path.basename(r.transcript) });
    expect(cited.isError, cited.text).toBeFalsy();
    expect((cited.structuredContent as { entry: string }).entry).toBe(`- [x] (2026-01-05 14:30) Test the exporter (evidence: [transcript](artifacts/${id}/${path.basename(r.transcript)}))`);
    const wrong = await call(server.client, 'progress', { plan: id, action: 'done', item: 2, evidence: '--all' });
    expect(wrong.text).toMatch(/^progress: --all is neither a transcript nor a commit/);
    writeFileSync(path.join(ws, 'report.csv'), 'a,b\n');
    const added = await call(server.client, 'artifacts', { plan: id, action: 'add', files: ['report.csv'] });
    expect(added.isError, added.text).toBeFalsy();
    expect((added.structuredContent as { added: string[] }).added).toEqual([`.agent/execplans/artifacts/${id}/report.csv`]);
    const listed = await call(server.client, 'artifacts', { plan: id });
    expect((listed.structuredContent as { files: { name: string }[] }).files.map((f) => f.name).sort()).toEqual(['2026-01-05T14-30-00_export-check.log', 'report.csv']);
    const outside = await call(server.client, 'artifacts', { plan: id, action: 'add', files: ['/etc/hostname'] });
    expect(outside.isError).toBe(true);
    expect(outside.text).toMatch(/^artifacts: Refused source file \/etc\/hostname: it is outside the workspace/);
  });

  it('fixes what lint can fix, and reopens an archived plan; errors name the tool to call', async () => {
    rmSync(path.join(ws, '.agent/execplans/artifacts', id), { recursive: true, force: true });
    const before = await call(server.client, 'lint_plan', { plan: id });
    expect((before.structuredContent as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toContain('artifacts-folder');
    const fixed = await call(server.client, 'lint_plan', { plan: id, fix: true });
    expect((fixed.structuredContent as { fixed: number }).fixed).toBeGreaterThan(0);
    expect((fixed.structuredContent as { findings: { rule: string }[] }).findings.map((f) => f.rule)).not.toContain('artifacts-folder');
    expect(existsSync(path.join(ws, '.agent/execplans/artifacts', id))).toBe(true);

    const archived = await runCli(['archive', id, '--force'], { cwd: ws });
    expect(archived.code, archived.stderr).toBe(0);
    const refused = await call(server.client, 'progress', { plan: id, action: 'add', text: 'More' });
    expect(refused.text).toContain(`the reopen_plan tool (reopen_plan {"plan":"${id}"})`);
    expect(refused.text).not.toContain('execplan reopen');
    const reopened = await call(server.client, 'reopen_plan', { plan: id });
    expect(reopened.structuredContent).toEqual({ id, from: `.agent/execplans/archive/${id}.md`, to: `.agent/execplans/${id}.md` });
  });

  it('refuses a prompt for a plan that does not exist', async () => {
    await expect(server.client.getPrompt({ name: 'update_execplan', arguments: { plan: 'no-such-plan' } })).rejects.toThrow(/update_execplan: No plan matches "no-such-plan"/);
    const ok = await server.client.getPrompt({ name: 'update_execplan', arguments: { plan: id.slice(11) } });
    expect(JSON.stringify(ok.messages)).toContain(id);
  });
});
