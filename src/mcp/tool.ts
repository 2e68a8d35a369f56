/** A tool as data (name, description, schemas, one function) and its registration with error handling. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { errorData } from '../usecases/envelope.js';
import type { McpContext } from './context.js';
import { inToolWords } from './tool-words.js';

/**
 * One tool: its name, the SDK's configuration of a tool (input and output as zod shapes, which the
 * SDK validates and publishes as JSON Schema), and `run`, which returns the data for
 * `structuredContent` and its rendering as text.
 */
export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  description: string;
  inputSchema: I;
  outputSchema: O;
  annotations?: ToolAnnotations;
  run(args: z.infer<z.ZodObject<I>>, ctx: McpContext): Promise<{ data: z.infer<z.ZodObject<O>>; text: string }>;
}

/** The plan a tool works on. Kept short, as every word of a schema is sent to the client in `tools/list`. */
export const planField = z.string().describe('Plan id, id prefix, or workspace-relative path');

/** Declare a tool with its types inferred from its schemas. */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>): ToolSpec<I, O> {
  return spec;
}

/**
 * Register tools on a server; a failing tool answers with `isError` and the message the CLI would print.
 * Calls run one at a time, in the order they came: a client that sends `progress` and then
 * `archive_plan` without waiting gets the archive of the plan with the progress in it.
 */
export function registerTools(server: McpServer, ctx: McpContext, tools: readonly ToolSpec<z.ZodRawShape, z.ZodRawShape>[]): void {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(call: () => Promise<T>): Promise<T> => {
    const run = previous.then(call);
    previous = run.catch(() => undefined);
    return run;
  };
  for (const tool of tools) {
    server.registerTool(tool.name, tool, async (args: Record<string, unknown>): Promise<CallToolResult> => {
      try {
        const { data, text } = await inTurn(() => tool.run(args, ctx));
        return { content: [{ type: 'text', text }], structuredContent: data };
      } catch (err) {
        return toolError(ctx, tool.name, err);
      }
    });
  }
}

/**
 * A tool error result: the tool's name and what went wrong, the commands the message names given as
 * the tools that do the same; the error as data in `_meta`.
 */
export function toolError(ctx: McpContext, tool: string, err: unknown): CallToolResult {
  const error = errorData(err);
  if (error.code === 'INTERNAL') {
    ctx.io.stderr(`execplan mcp: internal error in ${tool} (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
    error.message = `Internal error in ${tool}: ${error.message}. Please report it.`;
  } else {
    error.message = `${tool}: ${inToolWords(error.message)}`;
  }
  return { isError: true, content: [{ type: 'text', text: error.message }], _meta: { 'execplan/error': error } };
}
