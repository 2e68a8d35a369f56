/**
 * The answer to `initialize`, without the MCP SDK. Loading the SDK and zod takes several times as
 * long as starting Node, and a client waits for this answer before anything else, so the server
 * gives it as soon as the request arrives and loads the SDK afterwards (see stdio.ts). The answer
 * is the one the SDK's server gives: the same protocol version negotiation, capabilities, server
 * information and instructions. test/mcp-handshake.test.ts holds the two side by side, and the
 * server compares them at run time too.
 */
import { VERSION } from '../version.js';

/** The newest protocol version, answered to a client that asks for one this server does not know (the SDK's LATEST_PROTOCOL_VERSION). */
export const LATEST_PROTOCOL_VERSION = '2025-11-25';

/** The protocol versions the bundled SDK speaks, newest first (its SUPPORTED_PROTOCOL_VERSIONS). */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = [LATEST_PROTOCOL_VERSION, '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'];

/** Told to the client at initialization: how the tools fit together, in a few lines. */
export const INSTRUCTIONS =
  'execplan keeps ExecPlans (living design documents in the repository) current. Start with list_plans or resume_plan; ' +
  'create_plan then edit the file to write a plan; at every stopping point record progress, decisions, surprises and outcomes with the tools, ' +
  'which edit only the lines they must. Plans are named by id, id prefix or workspace-relative path.';

/** The server's name and version, as `serverInfo`. */
export const SERVER_INFO = { name: 'execplan', version: VERSION };

/** The capabilities the server declares: tools, resources and prompts, whose lists may change. */
export const SERVER_CAPABILITIES = { tools: { listChanged: true }, resources: { listChanged: true }, prompts: { listChanged: true } };

/** An `initialize` request answered ahead of the SDK: its id, and the answer as sent. */
export interface EarlyAnswer {
  id: string | number;
  /** The JSON-RPC response, one line with its newline, as the SDK's stdio transport writes it. */
  line: string;
}

/**
 * The answer to one line read from the client, when it is a well-formed `initialize` request;
 * undefined for anything else, which is left to the SDK (including the errors it answers).
 */
export function answerInitialize(line: string): EarlyAnswer | undefined {
  let msg: unknown;
  try {
    msg = JSON.parse(line.replace(/\r$/, ''));
  } catch {
    return undefined;
  }
  if (!isObject(msg) || msg.jsonrpc !== '2.0' || msg.method !== 'initialize') return undefined;
  const { id, params } = msg;
  if (!(typeof id === 'string' || Number.isInteger(id)) || !isObject(params)) return undefined;
  const { protocolVersion, capabilities, clientInfo } = params;
  if (typeof protocolVersion !== 'string' || !isWellFormedCapabilities(capabilities) || !isWellFormedImplementation(clientInfo)) return undefined;
  if (params._meta !== undefined && !isObject(params._meta)) return undefined;
  const result = {
    protocolVersion: SUPPORTED_PROTOCOL_VERSIONS.includes(protocolVersion) ? protocolVersion : LATEST_PROTOCOL_VERSION,
    capabilities: SERVER_CAPABILITIES,
    serverInfo: SERVER_INFO,
    instructions: INSTRUCTIONS,
  };
  // Key order as the SDK's protocol layer builds a response, so the bytes are the same too.
  return { id: id as string | number, line: `${JSON.stringify({ result, jsonrpc: '2.0', id })}\n` };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The client capabilities the SDK accepts: every capability the specification names is an object
 * (and `roots.listChanged` a boolean). Anything odder is left to the SDK to judge.
 */
function isWellFormedCapabilities(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const value of Object.values(v)) {
    if (value !== undefined && !isObject(value)) return false;
    if (value && Object.values(value).some((inner) => inner !== undefined && typeof inner !== 'boolean' && !isObject(inner))) return false;
  }
  const roots = v.roots as Record<string, unknown> | undefined;
  return roots?.listChanged === undefined || typeof roots.listChanged === 'boolean';
}

/** `clientInfo`: a name and a version, and only strings (or icons) beside them. */
function isWellFormedImplementation(v: unknown): boolean {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.version !== 'string') return false;
  return Object.entries(v).every(([key, value]) => value === undefined || typeof value === 'string' || (key === 'icons' && Array.isArray(value)));
}
