/** `execplan serve`: the local live dashboard, until Ctrl-C. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { OptionsOf } from '../command-table.js';
import { dashboardSource } from '../usecases/dashboard.js';
import { ExecplanError } from '../workspace/errors.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clockOf, type Io } from './io.js';

/** Run `execplan serve`; resolves when the server stops (SIGINT or SIGTERM). */
export async function run(io: Io, opts: OptionsOf<'serve'>): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const port = opts.port === undefined ? 0 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExecplanError('USAGE', `--port takes a port number from 0 to 65535 (0 for a free one); got ${JSON.stringify(opts.port)}.`);
  const host = opts.host ?? '127.0.0.1';
  const { now, tzOffsetMinutes } = clockOf(io);
  const fixed = io.env.EXECPLAN_NOW !== undefined;
  const source = dashboardSource(ws, { now: () => (fixed ? now : new Date()), tzOffsetMinutes, branches: Boolean(opts.branches), env: io.env });
  const { startDashboard } = await import('../server/http.js');
  let dashboard;
  try {
    dashboard = await startDashboard(source, { host, port, workspace: path.basename(ws.root) }, (m) => io.stderr(`execplan: ${m}\n`));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new ExecplanError('USAGE', `Port ${port} is taken on ${host}. Choose another with --port, or leave --port out for a free one.`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') throw new ExecplanError('USAGE', `Cannot listen on ${host}: this machine has no such address. Leave --host out to listen on 127.0.0.1.`);
    throw err;
  }
  if (dashboard.exposed) io.stderr(`execplan: warning: the dashboard listens on ${host}, beyond this machine: anyone who can reach it can read every plan. Leave --host out to keep it on 127.0.0.1.\n`);
  io.stdout(`execplan dashboard: ${dashboard.url}\n`);
  io.stderr('Pages follow changes to the plans as they happen. Press Ctrl-C to stop.\n');
  // Reading and linting every plan once now makes every later page quick; a request made meanwhile waits for it.
  await source.overview();
  if (opts.open) openBrowser(dashboard.url, io);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await dashboard.close();
  return 0;
}

function openBrowser(url: string, io: Io): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr(`execplan: could not open a browser (${cmd}); open ${url} yourself.\n`));
    child.unref();
  } catch {
    io.stderr(`execplan: could not open a browser; open ${url} yourself.\n`);
  }
}
