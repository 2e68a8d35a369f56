/**
 * Where the MCP server works: the client's first root when the client offers roots, else the
 * server's working directory. Plan references from tools are ids, prefixes or workspace-relative
 * paths; nothing outside the workspace is ever resolved.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../io.js';
import { ExecplanError } from '../workspace/errors.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';

/** What every tool, resource and prompt of the server is given. */
export interface McpContext {
  io: Io;
  /** The workspace for one request, opened afresh so edits to `execplan.json` take effect at once. */
  workspace(): Promise<Workspace>;
  /** The workspace, and the plan a reference names in it (see resolveSafePlan). */
  plan(ref: string): Promise<{ ws: Workspace; ref: PlanRef }>;
  /** The client's name, as it gave it in `initialize` (`clientInfo.name`). */
  clientName(): string | undefined;
}

/** How long the server waits for the client's answer to `roots/list` before working in its own folder. */
const ROOTS_TIMEOUT_MS = 3000;

/**
 * A context whose folder comes from the client's roots, asked once and again after the client says
 * they changed. `roots` asks the client for them, giving up after `timeoutMs`; undefined when the
 * client offers none.
 */
export function createContext(io: Io, roots: (timeoutMs: number) => Promise<{ uri: string }[] | undefined>, clientName: () => string | undefined): McpContext & { rootsChanged(): void } {
  let folder: Promise<string> | undefined;
  const pick = async (): Promise<string> => {
    let list: { uri: string }[] | undefined;
    try {
      list = await roots(ROOTS_TIMEOUT_MS);
    } catch (err) {
      const timedOut = (err as { code?: unknown }).code === -32001;
      const why = timedOut ? `the client did not answer roots/list within ${ROOTS_TIMEOUT_MS / 1000} s` : `could not list the client's roots (${(err as Error).message})`;
      io.stderr(`execplan mcp: ${why}; working in ${io.cwd} until the client announces a change of roots\n`);
      return io.cwd;
    }
    const first = list?.[0];
    if (!first) return io.cwd;
    if (!first.uri.startsWith('file:')) {
      io.stderr(`execplan mcp: the client's first root ${first.uri} is not a file: URI; using ${io.cwd}\n`);
      return io.cwd;
    }
    return fileURLToPath(first.uri);
  };
  return {
    io,
    async workspace() {
      folder ??= pick();
      return openWorkspace(await folder);
    },
    async plan(ref) {
      const ws = await this.workspace();
      return { ws, ref: resolveSafePlan(ws, ref) };
    },
    clientName,
    rootsChanged() {
      folder = undefined;
    },
  };
}

/** Resolve a plan reference as the CLI does, relative to the workspace root; an absolute path is refused. */
export function resolveSafePlan(ws: Workspace, ref: string): PlanRef {
  const trimmed = ref.trim();
  if (path.isAbsolute(trimmed) || path.win32.isAbsolute(trimmed) || /^(~|file:)/i.test(trimmed)) {
    throw new ExecplanError('UNSAFE_PATH', `${trimmed} is an absolute path. Name the plan by its id, a unique prefix of one, or its path relative to the workspace root ${ws.root}.`);
  }
  // resolvePlan refuses a plan whose real location (symbolic links followed) is outside the workspace.
  return resolvePlan(ws, trimmed, ws.root);
}
