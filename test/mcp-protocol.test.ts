import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, connect, ensureBuilt, TEST_ENV } from './helpers/mcp-client.js';

/** The whole tool list must stay this small: it sits in every agent's context. */
const TOOL_LIST_BUDGET_TOKENS = 3000;

let ws: string;

beforeAll(() => {
  ensureBuilt();
  ws = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-protocol-'));
  mkdirSync(path.join(ws, '.git'));
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('execplan mcp on the wire', () => {
  it('keeps the tool list, as sent in tools/list, under the token budget', async () => {
    const server = await connect(ws);
    try {
      const { tools } = await server.client.listTools();
      // Roughly four characters of JSON per token: an approximation, the same for every tokenizer we care about.
      const approxTokens = JSON.stringify(tools).length / 4;
      expect(approxTokens).toBeLessThan(TOOL_LIST_BUDGET_TOKENS);
      for (const tool of tools) {
        expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(tool.description?.split(/(?<=\.)\s/).length, tool.name).toBeLessThanOrEqual(2);
        expect(tool.inputSchema.type).toBe('object');
        expect(tool.outputSchema?.type, tool.name).toBe('object');
      }
    } finally {
      await server.close();
    }
  });

  it('writes nothing but JSON-RPC messages on stdout, even for a malformed line', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ws, env: { PATH: process.env.PATH ?? '', ...TEST_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const send = (msg: unknown) => child.stdin.write(`${typeof msg === 'string' ? msg : JSON.stringify(msg)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send('this is not json');
    send({ jsonrpc: '2.0', foo: 1 });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_plans', arguments: {} } });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'no_such_tool', arguments: {} } });
    // Requests whose params have the wrong shape: JSON-RPC's invalid params, saying what is wrong.
    send({ jsonrpc: '2.0', id: 4, method: 'tools/call' });
    send({ jsonrpc: '2.0', id: 5, method: 'resources/read', params: {} });
    send({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 5 } });
    const deadline = Date.now() + 20_000;
    while (![3, 4, 5, 6].every((id) => stdout.includes(`"id":${id},`) || stdout.includes(`"id":${id}}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    const messages = lines.map((l) => JSON.parse(l) as { jsonrpc: string; id?: number; result?: { isError?: boolean; structuredContent?: unknown } });
    for (const m of messages) expect(m.jsonrpc).toBe('2.0');
    expect(messages.find((m) => m.id === 2)?.result?.structuredContent).toEqual({ plans: [] });
    expect(messages.find((m) => m.id === 3)?.result?.isError).toBe(true);
    const errorOf = (id: number) => (messages.find((m) => m.id === id) as { error?: { code: number; message: string } } | undefined)?.error;
    expect(errorOf(4)).toEqual({ code: -32602, message: 'Invalid params for tools/call: params: expected object, received undefined' });
    expect(errorOf(5)).toEqual({ code: -32602, message: 'Invalid params for resources/read: params.uri: expected string, received undefined' });
    expect(errorOf(6)).toEqual({ code: -32602, message: 'Invalid params for tools/call: params.name: expected string, received number' });
    // JSON-RPC's answers to what is not a message: a parse error, then an invalid request, neither with an id.
    expect(messages.filter((m) => m.id === null).map((m) => (m as { error?: { code: number } }).error?.code)).toEqual([-32700, -32600]);
    expect(stderr).toMatch(/serving on stdio/);
    expect(stderr).toContain('execplan mcp: Parse error: the line is not JSON');
    expect(stderr).not.toContain('invalid_union');
  });

  it('lists its tools, prompts and resources byte for byte as pinned in test/fixtures/mcp/lists.jsonl', async () => {
    // What a client reads about the server: a change to a name, a description or a schema shows here.
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-lists-'));
    try {
      mkdirSync(path.join(dir, '.git'));
      mkdirSync(path.join(dir, '.agent', 'execplans'), { recursive: true });
      copyFileSync(new URL('./fixtures/mcp/finished-plan.md', import.meta.url), path.join(dir, '.agent', 'execplans', '2026-01-01_done.md'));
      const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...TEST_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      const methods = ['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list'];
      const send = (msg: unknown) => child.stdin.write(`${JSON.stringify(msg)}\n`);
      send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      methods.forEach((method, i) => send({ jsonrpc: '2.0', id: i + 1, method, params: {} }));
      const deadline = Date.now() + 20_000;
      while (stdout.split('\n').length <= methods.length + 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.stdin.end();
      expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(0);
      // Answers may come in any order; each is pinned as sent, in the order of the requests.
      const byId = new Map(stdout.split('\n').filter(Boolean).map((l) => [(JSON.parse(l) as { id: number }).id, l]));
      expect(methods.map((_, i) => byId.get(i + 1)).join('\n')).toBe(readFileSync(new URL('./fixtures/mcp/lists.jsonl', import.meta.url), 'utf8').trimEnd());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
