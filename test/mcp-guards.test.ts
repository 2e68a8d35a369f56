import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, TEST_ENV } from './helpers/mcp-client.js';

let ws: string;

beforeAll(() => {
  ensureBuilt();
  ws = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-guards-'));
  mkdirSync(path.join(ws, '.git'));
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

interface Raw {
  child: ChildProcessWithoutNullStreams;
  send: (msg: unknown) => void;
  answer: (id: number, timeoutMs?: number) => Promise<{ id: number | string | null; result?: { content?: { text: string }[]; isError?: boolean }; error?: { code: number; message: string } }>;
  messages: () => { id?: number | string | null; method?: string; error?: { code: number; message: string } }[];
  stderr: () => string;
  exit: () => Promise<number | null>;
}

/** `execplan mcp` spoken to line by line, as a client that does not follow the protocol would. */
function raw(cwd: string): Raw {
  const child = spawn(process.execPath, [BIN, 'mcp'], { cwd, env: { PATH: process.env.PATH ?? '', ...TEST_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const messages = () => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReturnType<Raw['messages']>[number]);
  return {
    child,
    send: (msg) => child.stdin.write(`${typeof msg === 'string' ? msg : JSON.stringify(msg)}\n`),
    async answer(id, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find((m) => m.id === id && !('method' in m));
        if (found) return found as Awaited<ReturnType<Raw['answer']>>;
        if (Date.now() > deadline) throw new Error(`no answer to ${id}; stdout: ${stdout.slice(0, 2000)}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    messages,
    stderr: () => stderr,
    exit: () => exited,
  };
}

const INIT = (capabilities: Record<string, unknown> = {}) => ({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities, clientInfo: { name: 'raw', version: '1' } } });

describe('execplan mcp holds to the protocol', () => {
  it('runs nothing before initialize: a tool call is refused and writes nothing', async () => {
    const s = raw(ws);
    s.send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'create_plan', arguments: { description: 'Sneak in early' } } });
    s.send({ jsonrpc: '2.0', id: 8, method: 'ping' });
    const refused = await s.answer(7);
    expect(refused.error).toEqual({ code: -32600, message: 'Invalid Request: tools/call was sent before initialize; send initialize first, then notifications/initialized' });
    expect((await s.answer(8)).error).toBeUndefined();
    expect(existsSync(path.join(ws, '.agent'))).toBe(false);
    s.send(INIT());
    s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    s.send({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'list_plans', arguments: { which: 'all' } } });
    const listed = await s.answer(9);
    expect(listed.result?.content?.[0]?.text).toBe('No plans, active or archived, in .agent/execplans/ or .agent/execplans/archive/. Create one with create_plan.');
    s.child.stdin.end();
    expect(await s.exit()).toBe(0);
  });

  it('answers a message over 10 MB with an error naming its id, and keeps serving', async () => {
    const s = raw(ws);
    s.send(INIT());
    s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await s.answer(1);
    s.send(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"create_plan","arguments":{"description":"${'x'.repeat(11 * 1024 * 1024)}"}}}`);
    s.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_plans', arguments: {} } });
    const big = await s.answer(2, 30_000);
    expect(big.error?.code).toBe(-32600);
    expect(big.error?.message).toMatch(/^Invalid Request: the message is 11534\d{3} bytes long, over the limit of 10485760 bytes; it was not read$/);
    expect((await s.answer(3)).result?.content?.[0]?.text).toMatch(/^No plans in/);
    s.child.stdin.end();
    expect(await s.exit()).toBe(0);
    expect(s.stderr()).not.toMatch(/\n\s+at /);
  });

  it('ends quietly when the client closes stdout', async () => {
    const s = raw(ws);
    s.child.stdout.destroy();
    s.send(INIT());
    s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    for (let id = 2; id < 6; id++) s.send({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'list_plans', arguments: {} } });
    const code = await Promise.race([s.exit(), new Promise<string>((r) => setTimeout(() => r('still running'), 20_000))]);
    if (code === 'still running') s.child.kill();
    expect(code).toBe(0);
    expect(s.stderr()).toContain('execplan mcp: the client closed its end of stdout (EPIPE); stopping.');
    expect(s.stderr()).not.toMatch(/\n\s+at /);
  });

  it('works in its own folder, with a note, when the client never answers roots/list', async () => {
    const s = raw(ws);
    s.send(INIT({ roots: { listChanged: true } }));
    s.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    s.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_plans', arguments: {} } });
    const started = Date.now();
    const listed = await s.answer(2, 20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(listed.result?.content?.[0]?.text).toMatch(/^No plans in/);
    expect(s.messages().some((m) => m.method === 'roots/list')).toBe(true);
    expect(s.stderr()).toContain(`execplan mcp: the client did not answer roots/list within 3 s; working in ${ws} until the client announces a change of roots`);
    s.child.stdin.end();
    expect(await s.exit()).toBe(0);
    expect(readdirSync(ws)).toEqual(['.git']);
  });
});
