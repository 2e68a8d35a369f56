/**
 * The live dashboard's HTTP server: read-only pages over the dashboard use case, server-sent events
 * when the plan folders change, and nothing for a request that is not its own. It answers only GET
 * and HEAD, only to a Host header naming itself, and refuses requests another site's page makes
 * (by Origin and Sec-Fetch-Site), so no page the user visits can read it or drive it.
 */
import { once } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { APP_CSS, APP_JS } from '../formatters/html/assets.js';
import { decodeOr } from '../formatters/html/escape.js';
import { overviewPage, pageLinks, planPage, textPage, type RenderedPage } from '../formatters/html/pages.js';
import type { DashboardSource } from '../usecases/dashboard.js';

/** Where to listen. */
export interface ServeOptions {
  host: string;
  /** 0 for a free port. */
  port: number;
  /** The workspace's name, for page titles. */
  workspace: string;
}

/** A running dashboard. */
export interface Dashboard {
  url: string;
  /** Whether it listens beyond this machine's loopback. */
  exposed: boolean;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Start the dashboard; resolves once it listens. */
export async function startDashboard(source: DashboardSource, opts: ServeOptions, onError: (message: string) => void): Promise<Dashboard> {
  const clients = new Set<ServerResponse>();
  const links = pageLinks((p) => source.exists(p));
  let allowed = new Set<string>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      onError(`dashboard: ${(err as Error)?.message ?? String(err)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'The page could not be made; the server says why on its terminal.\n');
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = refuse(req, allowed);
    if (refusal) return send(res, refusal.status, 'text/plain; charset=utf-8', `${refusal.message}\n`, refusal.headers);
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    // A malformed part names nothing: NUL is refused wherever a name is looked up.
    const parts = url.pathname.split('/').slice(1).map((p) => decodeOr(p, '\0'));
    const fragment = req.headers['x-execplan-fragment'] === '1';
    const page = (p: RenderedPage | undefined) => (p ? send(res, 200, 'text/html; charset=utf-8', fragment ? p.main : p.page) : notFound(res));
    const json = (data: object | undefined) => (data ? send(res, 200, 'application/json; charset=utf-8', JSON.stringify(data)) : notFound(res));

    if (url.pathname === '/') return page(overviewPage(await source.overview(), links, true));
    if (parts[0] === 'plan' && parts.length === 2) {
      const d = await source.plan(parts[1]!);
      return page(d && planPage(d, opts.workspace, links, true));
    }
    if (parts[0] === 'file' && parts.length > 1) {
      const f = source.file(parts.slice(1).join('/'));
      return page(f && textPage(f, opts.workspace, links, true));
    }
    if (parts[0] === 'artifact' && parts.length > 2) {
      const f = await source.artifact(parts[1]!, parts.slice(2).join('/'));
      return page(f && textPage(f, opts.workspace, links, true, [parts[1]!, links.plan(parts[1]!)]));
    }
    if (url.pathname === '/assets/app.css') return send(res, 200, 'text/css; charset=utf-8', APP_CSS);
    if (url.pathname === '/assets/app.js') return send(res, 200, 'text/javascript; charset=utf-8', APP_JS);
    if (url.pathname === '/api/overview') return json(await source.overview());
    if (parts[0] === 'api' && parts[1] === 'plan' && parts.length === 3) return json(await source.plan(parts[2]!));
    if (url.pathname !== '/events') return notFound(res);
    // Server-sent events: a `change` after the plan folders change.
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write('retry: 1000\n: connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  };

  // Changes on disk come in bursts (a save is a write and a rename): one event after they settle.
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const msg = `event: change\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`;
      for (const c of clients) c.write(msg);
    }, 40);
  };
  const watchers = watchFolders(source.watched(), changed, onError);
  const keepAlive = setInterval(() => clients.forEach((c) => c.write(': keep-alive\n\n')), 15_000).unref();

  // `once` rejects with the error when listening fails.
  await once(server.listen(opts.port, opts.host), 'listening');
  server.on('error', (err) => onError(`dashboard: ${err.message}`));
  const { port } = server.address() as { port: number };
  const exposed = !LOOPBACK.has(opts.host);
  allowed = allowedHosts(opts.host, port, exposed);
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;

  return {
    url: `http://${shown}:${port}/`,
    exposed,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        if (timer) clearTimeout(timer);
        for (const w of watchers) w.close();
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The Host headers the server answers to: its loopback names, or every address of this machine when exposed. */
function allowedHosts(host: string, port: number, exposed: boolean): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (exposed) {
    if (host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') ? `[${host}]` : host);
    else for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

/** Why a request is refused, or undefined when it is the dashboard's own. */
function refuse(req: IncomingMessage, allowed: Set<string>): { status: number; message: string; headers?: Record<string, string> } | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, message: 'The dashboard is read-only: it answers GET and HEAD only.', headers: { Allow: 'GET, HEAD' } };
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) return { status: 403, message: `Refused: the Host header ${JSON.stringify(req.headers.host ?? '')} is not this dashboard's address.` };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(origin.toLowerCase().replace(/^http:\/\//, ''))) return { status: 403, message: `Refused: a request from ${origin}, which is not this dashboard.` };
  // A page of another site may link to the dashboard (a navigation), never fetch from it.
  if (req.headers['sec-fetch-site'] === 'cross-site' && req.headers['sec-fetch-mode'] !== 'navigate') return { status: 403, message: 'Refused: a request made by another site.' };
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': String(bytes.length) });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'Not found: no plan, file or page of this workspace at that address.\n');
}

/** Watch each existing folder and what is under it; a folder that cannot be watched is said once. */
function watchFolders(folders: readonly string[], changed: () => void, onError: (message: string) => void): FSWatcher[] {
  const out: FSWatcher[] = [];
  for (const dir of new Set(folders.map((f) => path.resolve(f)))) {
    try {
      out.push(watch(dir, { recursive: true, persistent: false }, changed));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      try {
        out.push(watch(dir, { persistent: false }, changed));
      } catch {
        onError(`dashboard: cannot watch ${dir} (${code ?? 'unknown error'}); pages there will not follow changes.`);
      }
    }
  }
  return out;
}
