/** Driving the built `execplan mcp` over real stdio with the SDK's own client. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The built command. */
export const BIN = path.join(REPO, 'dist', 'bin.cjs');

/** The fixed clock the servers under test run with. */
export const TEST_ENV = { EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' };

/**
 * Build `dist/` when it is missing or older than a source file, so a single test file can run
 * alone. Test files run in parallel: a lock folder keeps two of them from building at once.
 */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const fresh = () => existsSync(BIN) && statSync(BIN).mtimeMs >= newest(path.join(REPO, 'src'));
  if (fresh()) return;
  const lock = path.join(REPO, 'node_modules', '.execplan-test-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after a minute; a build takes seconds.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}; remove it if no test run is building.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent', '--env.EXECPLAN_BUILD', 'cli'], { cwd: REPO, stdio: 'ignore' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A client connected to a server process, with what the server wrote to stderr. */
export interface Connected {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

/** Start `execplan mcp` in `cwd` and connect to it; with `roots`, the client offers those folders as roots; `env` adds variables. */
export async function connect(cwd: string, opts: { roots?: string[]; env?: Record<string, string> } = {}): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp'],
    cwd,
    env: { PATH: process.env.PATH ?? '', ...TEST_ENV, ...opts.env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'execplan-test', version: '1.0.0' }, opts.roots ? { capabilities: { roots: { listChanged: true } } } : {});
  if (opts.roots) {
    // Read at each request, so a test can change the array and announce it with sendRootsListChanged().
    const roots = opts.roots;
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots.map((r) => ({ uri: pathToFileURL(r).href, name: path.basename(r) })) }));
  }
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Call a tool; the result with its text joined. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { ...result, text };
}
