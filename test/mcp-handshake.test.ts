import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { LATEST_PROTOCOL_VERSION as SDK_LATEST, SUPPORTED_PROTOCOL_VERSIONS as SDK_SUPPORTED, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../src/commands/io.js';
import { answerInitialize, LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '../src/mcp/handshake.js';
import { createServer } from '../src/mcp/server.js';
import { BIN, ensureBuilt, TEST_ENV } from './helpers/mcp-client.js';

const io: Io = { cwd: process.cwd(), env: {}, stdout: () => undefined, stderr: () => undefined, stdoutIsTTY: false, stderrIsTTY: false };

/** The line the SDK's own server sends in answer to `request`. */
async function sdkAnswer(request: JSONRPCMessage): Promise<string> {
  const { server } = createServer(io);
  const [client, end] = InMemoryTransport.createLinkedPair();
  const answer = new Promise<JSONRPCMessage>((resolve) => {
    client.onmessage = resolve;
  });
  await server.connect(end);
  await client.start();
  await client.send(request);
  const line = `${JSON.stringify(await answer)}\n`;
  await server.close();
  return line;
}

function initialize(id: string | number, protocolVersion: string, capabilities: Record<string, unknown> = {}): JSONRPCMessage {
  return { jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion, capabilities, clientInfo: { name: 'client', version: '1.0.0' } } } as JSONRPCMessage;
}

describe('the initialize answer given before the SDK loads', () => {
  it('knows the protocol versions of the bundled SDK', () => {
    expect(LATEST_PROTOCOL_VERSION).toBe(SDK_LATEST);
    expect(SUPPORTED_PROTOCOL_VERSIONS).toEqual(SDK_SUPPORTED);
  });

  it('is, byte for byte, the answer of the SDK server, for every version a client may ask for', async () => {
    const requests = [
      ...SDK_SUPPORTED.map((v, i) => initialize(i + 1, v)),
      initialize(7, '2099-01-01'),
      initialize('init-1', '2025-06-18', { roots: { listChanged: true }, sampling: {}, experimental: { x: {} } }),
    ];
    for (const request of requests) {
      const early = answerInitialize(JSON.stringify(request));
      expect(early, JSON.stringify(request)).toBeDefined();
      expect(early!.line).toBe(await sdkAnswer(request));
      expect(early!.id).toBe((request as { id: string | number }).id);
    }
  });

  it('leaves anything but a well-formed initialize request to the SDK', () => {
    const ok = initialize(1, '2025-06-18') as unknown as { params: Record<string, unknown> };
    const variants: unknown[] = [
      { ...ok, method: 'tools/list' },
      { ...ok, jsonrpc: '1.0' },
      { ...ok, id: null },
      { ...ok, id: 1.5 },
      { ...ok, params: { ...ok.params, capabilities: undefined } },
      { ...ok, params: { ...ok.params, capabilities: { roots: true } } },
      { ...ok, params: { ...ok.params, capabilities: { roots: { listChanged: 'yes' } } } },
      { ...ok, params: { ...ok.params, clientInfo: { name: 'client' } } },
      { ...ok, params: { ...ok.params, protocolVersion: 20250618 } },
    ];
    for (const v of variants) expect(answerInitialize(JSON.stringify(v)), JSON.stringify(v)).toBeUndefined();
    expect(answerInitialize('not json')).toBeUndefined();
    expect(answerInitialize('')).toBeUndefined();
    expect(answerInitialize(`${JSON.stringify(ok)}\r`)).toBeDefined();
  });
});

describe('execplan mcp answering initialize early', () => {
  let ws: string;
  beforeAll(() => {
    ensureBuilt();
    ws = mkdtempSync(path.join(tmpdir(), 'execplan-mcp-handshake-'));
    mkdirSync(path.join(ws, '.git'));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('answers it once, then serves the requests that followed it in the same write', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ws, env: { PATH: process.env.PATH ?? '', ...TEST_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const request = initialize(1, '2025-06-18');
    child.stdin.write(
      [request, { jsonrpc: '2.0', method: 'notifications/initialized' }, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_plans', arguments: {} } }]
        .map((m) => `${JSON.stringify(m)}\n`)
        .join(''),
    );
    const deadline = Date.now() + 20_000;
    while (!/"id":2/.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.stdin.end();
    expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(0);
    const lines = stdout.split('\n').filter((l) => l !== '');
    const messages = lines.map((l) => JSON.parse(l) as { id?: number; result?: { structuredContent?: unknown } });
    expect(messages.map((m) => m.id)).toEqual([1, 2]);
    expect(`${lines[0]}\n`).toBe(answerInitialize(JSON.stringify(request))!.line);
    expect(messages[1]!.result?.structuredContent).toEqual({ plans: [] });
    expect(stderr).toMatch(/serving on stdio/);
    expect(stderr).not.toMatch(/differs/);
  });
});

describe('execplan mcp started in a folder that is not there', () => {
  it('exits 2 at once, saying so, instead of serving tools that would all fail', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [BIN, '-C', '/nonexistent-execplan-folder', 'mcp'], { env: { PATH: process.env.PATH ?? '', ...TEST_ENV }, input: '', encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('execplan: The folder /nonexistent-execplan-folder does not exist. Pass an existing folder to --cwd.\n');
  });
});
