/**
 * The MCP server: execplan's tools, plan resources and prompts, built on the MCP SDK. Only protocol
 * messages go to stdout; everything else goes to stderr. Serving on stdio starts in stdio.ts,
 * which answers `initialize` before this module (and with it the SDK) is loaded.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  ReadResourceRequestSchema,
  RootsListChangedNotificationSchema,
  type JSONRPCMessage,
  type MessageExtraInfo,
} from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'node:stream';
import type { z } from 'zod';
import type { Io } from '../io.js';
import { VERSION } from '../version.js';
import { createContext, type McpContext } from './context.js';
import { INSTRUCTIONS, SERVER_INFO, type EarlyAnswer } from './handshake.js';
import { MAX_MESSAGE_BYTES } from './line-guard.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerTools, type ToolSpec } from './tool.js';
import { TOOLS } from './tools/index.js';

/**
 * The SDK's JSON Schema validator, built on first use. The server only validates what a client
 * sends back for an elicitation, which execplan never asks for; building Ajv up front, with its
 * formats, would cost every start.
 */
function lazyValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return { getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema) };
}

/** Build the server: tools, resources and prompts, the workspace taken from the client's roots or `io.cwd`. */
export function createServer(io: Io): { server: McpServer; ctx: McpContext } {
  const server = new McpServer(
    { ...SERVER_INFO },
    { capabilities: { tools: {}, resources: {}, prompts: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: lazyValidator() },
  );
  const ctx = createContext(io, async (timeout) => {
    if (!server.server.getClientCapabilities()?.roots) return undefined;
    return (await server.server.listRoots(undefined, { timeout })).roots;
  }, () => server.server.getClientVersion()?.name);
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => ctx.rootsChanged());
  registerTools(server, ctx, TOOLS as readonly ToolSpec<z.ZodRawShape, z.ZodRawShape>[]);
  registerResources(server, ctx);
  registerPrompts(server, ctx);
  return { server, ctx };
}

/**
 * The SDK's stdio transport, except that it does not send the SDK's answer to an `initialize`
 * request that was already answered: the request is passed to the SDK all the same, so the
 * server knows the client's capabilities. Should the two answers ever differ, stderr says so.
 */
class AnsweredStdioTransport extends StdioServerTransport {
  constructor(
    input: Readable,
    output: Writable,
    private answered: EarlyAnswer | undefined,
    private readonly io: Io,
  ) {
    // Lines reach the transport whole and within MAX_MESSAGE_BYTES (line-guard.ts); its own limit is never the one met.
    super(input, output, { maxBufferSize: 2 * MAX_MESSAGE_BYTES });
  }

  /**
   * The server has set `onmessage` by now: requests sent before `initialize`, and requests whose
   * params it would refuse, are answered here.
   */
  override async start(): Promise<void> {
    const deliver = this.onmessage;
    let initialized = false;
    this.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
      if ('method' in message && message.method === 'initialize') initialized = true;
      else if (!initialized && 'method' in message && message.method !== 'ping') {
        // Until the client has introduced itself nothing runs: a notification is dropped, a request refused.
        const notYet = `Invalid Request: ${message.method} was sent before initialize; send initialize first, then notifications/initialized`;
        if ('id' in message) void this.send(rpcError(message.id, -32600, notYet)).catch(() => undefined);
        return;
      }
      const refusal = invalidParams(message);
      if (refusal) void this.send(refusal).catch(() => undefined);
      else (deliver as ((m: JSONRPCMessage, e?: MessageExtraInfo) => void) | undefined)?.(message, extra);
    };
    return super.start();
  }

  override async send(message: JSONRPCMessage): Promise<void> {
    const answered = this.answered;
    if (answered && 'id' in message && message.id === answered.id && ('result' in message || 'error' in message)) {
      this.answered = undefined;
      const sdk = `${JSON.stringify(message)}\n`;
      if (sdk !== answered.line) this.io.stderr(`execplan mcp: the initialize answer sent early differs from the SDK's; please report it.\n  sent: ${answered.line}  SDK:  ${sdk}`);
      return;
    }
    return super.send(message);
  }
}

/** The requests the server answers whose params the SDK checks, by method. */
const REQUEST_SCHEMAS = new Map<string, z.ZodType>([
  ['ping', PingRequestSchema],
  ['tools/list', ListToolsRequestSchema],
  ['tools/call', CallToolRequestSchema],
  ['resources/list', ListResourcesRequestSchema],
  ['resources/templates/list', ListResourceTemplatesRequestSchema],
  ['resources/read', ReadResourceRequestSchema],
  ['prompts/list', ListPromptsRequestSchema],
  ['prompts/get', GetPromptRequestSchema],
]);

/**
 * JSON-RPC's "Invalid params" (-32602) answer to a request whose params do not have the shape its
 * method needs (`tools/call` without a tool name, `resources/read` without a `uri`), naming what is
 * wrong; undefined for any other message. The SDK would answer such a request with an internal
 * error (-32603) carrying its validator's whole report.
 */
export function invalidParams(message: JSONRPCMessage): JSONRPCMessage | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const schema = REQUEST_SCHEMAS.get(message.method);
  const issues = schema?.safeParse(message).error?.issues;
  if (!issues?.length) return undefined;
  const problems = issues.map((i) => `${i.path.map(String).join('.') || 'the request'}: ${i.message.replace(/^Invalid input: /, '')}`);
  return rpcError(message.id, -32602, `Invalid params for ${message.method}: ${problems.join('; ')}`);
}

/** A JSON-RPC error answer; `id` is null where the message it answers has none that could be read. */
function rpcError(id: string | number | null, code: number, message: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage;
}

/** The JSON-RPC error for a line that is not JSON (-32700) or not a JSON-RPC message (-32600); undefined for other errors. */
function unreadableLine(err: Error): { code: number; message: string } | undefined {
  if (err instanceof SyntaxError) return { code: -32700, message: `Parse error: the line is not JSON (${err.message})` };
  if (err.name === 'ZodError') return { code: -32600, message: 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 request, notification or response' };
  return undefined;
}

/**
 * Serve on `input` and `output` until the transport closes. `input` carries everything the client
 * sent, the first `initialize` request included; `answered` is that request's answer when it was
 * already sent.
 */
export async function startServer(io: Io, input: Readable, output: Writable, answered: EarlyAnswer | undefined): Promise<{ closed: Promise<void> }> {
  const { server } = createServer(io);
  const transport = new AnsweredStdioTransport(input, output, answered, io);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  // A line the transport cannot read as a JSON-RPC message gets the answer JSON-RPC prescribes, with
  // no id to answer to, and a line on stderr rather than the validator's whole report.
  server.server.onerror = (err) => {
    const unreadable = unreadableLine(err);
    io.stderr(`execplan mcp: ${(unreadable ?? err).message}\n`);
    if (unreadable) void transport.send(rpcError(null, unreadable.code, unreadable.message)).catch(() => undefined);
  };
  await server.connect(transport);
  io.stderr(`execplan mcp ${VERSION}: serving on stdio\n`);
  return { closed };
}
