/**
 * A minimal MCP client over stdio for timing: newline-delimited JSON-RPC written by hand, so the
 * figures include nothing but the server's own work (no client SDK in the measurement).
 */
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';

/** The protocol version the bench announces in `initialize`. */
export const PROTOCOL_VERSION = '2025-06-18';
const REQUEST_TIMEOUT_MS = 30_000;

/** The `initialize` request's params. */
export const INITIALIZE_PARAMS = {
  protocolVersion: PROTOCOL_VERSION,
  capabilities: {},
  clientInfo: { name: 'execplan-bench', version: '0.0.0' },
};

/**
 * Spawn an MCP server and return a handle: `request(method, params)` resolves with
 * `{ msg, raw, ms }` (the answer, its JSON text, and the round trip in ms), `notify`, `close()`,
 * and `startedAt` (hrtime of the spawn, for start-up timing).
 */
export function startServer(argv, { cwd, env } = {}) {
  const startedAt = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const pending = new Map();
  let nextId = 1;
  let buffered = '';
  let stderr = '';
  let exited;
  const exitPromise = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      exited = { code, signal };
      for (const p of pending.values()) p.reject(new Error(`MCP server exited (${signal ?? `code ${code}`}) before answering ${p.method}`));
      pending.clear();
      resolve(exited);
    });
  });
  child.on('error', (err) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    stderr += d;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const raw = buffered.slice(0, nl).replace(/\r$/, '');
      buffered = buffered.slice(nl + 1);
      if (!raw.trim()) continue;
      let msg;
      try {
        msg = JSON.parse(raw);
      } catch {
        continue; // Not JSON-RPC: a server must not print anything else on stdout; ignored here.
      }
      const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!p) continue;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve({ msg, raw, ms: Number(process.hrtime.bigint() - p.sentAt) / 1e6, at: process.hrtime.bigint() });
    }
  });

  const send = (obj) => child.stdin.write(`${JSON.stringify(obj)}\n`);
  return {
    child,
    startedAt,
    stderr: () => stderr,
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (exited) return reject(new Error(`MCP server already exited before ${method}`));
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`no answer to ${method} within ${REQUEST_TIMEOUT_MS / 1000} s`));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer, method, sentAt: process.hrtime.bigint() });
        send({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, ...(params ? { params } : {}) });
    },
    /** End stdin (a server should exit), then terminate it if it has not after a grace period. */
    async close() {
      if (exited) return exited;
      child.stdin.end();
      const done = await Promise.race([exitPromise, delay(2000).then(() => undefined)]);
      if (done) return done;
      child.kill('SIGTERM');
      return exitPromise;
    },
  };
}

/** Throw when a JSON-RPC answer is an error, naming the method. */
export function expectResult(method, answer) {
  if (answer.msg.error) throw new Error(`${method} answered an error: ${JSON.stringify(answer.msg.error)}`);
  return answer.msg.result;
}
