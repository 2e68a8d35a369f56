/**
 * The MCP server: execplan's tools, plan resources and prompts over stdio. Only protocol messages
 * go to stdout; everything else goes to stderr.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { Io } from '../commands/io.js';
import { VERSION } from '../version.js';
import { createContext, type McpContext } from './context.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerTools, type ToolSpec } from './tool.js';
import { TOOLS } from './tools/index.js';

/** Told to the client at initialization: how the tools fit together, in a few lines. */
const INSTRUCTIONS =
  'execplan keeps ExecPlans (living design documents in the repository) current. Start with list_plans or resume_plan; ' +
  'create_plan then edit the file to write a plan; at every stopping point record progress, decisions, surprises and outcomes with the tools, ' +
  'which edit only the lines they must. Plans are named by id, id prefix or workspace-relative path.';

/** Build the server: tools, resources and prompts, the workspace taken from the client's roots or `io.cwd`. */
export function createServer(io: Io): { server: McpServer; ctx: McpContext } {
  const server = new McpServer(
    { name: 'execplan', version: VERSION },
    { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions: INSTRUCTIONS },
  );
  const ctx = createContext(io, async () => {
    if (!server.server.getClientCapabilities()?.roots) return undefined;
    return (await server.server.listRoots()).roots;
  });
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => ctx.rootsChanged());
  server.server.onerror = (err) => io.stderr(`execplan mcp: ${err.message}\n`);
  registerTools(server, ctx, TOOLS as readonly ToolSpec<z.ZodRawShape, z.ZodRawShape>[]);
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  return { server, ctx };
}

/** Serve on stdin/stdout until the client closes stdin. */
export async function serveStdio(io: Io, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  const { server } = createServer(io);
  const transport = new StdioServerTransport(stdin as never, stdout as never);
  const closed = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
    transport.onclose = resolve;
  });
  await server.connect(transport);
  io.stderr(`execplan mcp ${VERSION}: serving on stdio\n`);
  // Requests still in flight when stdin ends finish on their own; the process exits once they have.
  await closed;
}
