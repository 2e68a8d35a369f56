/** Every plan as a resource, `execplan://plan/<id>`, whose contents are the plan's Markdown. The parser is loaded on the first request. */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { ExecplanError } from '../workspace/errors.js';
import { listPlanRefs } from '../workspace/plans.js';
import type { McpContext } from './context.js';

/** JSON-RPC's code for a resource that does not exist, as the MCP specification names it. */
const RESOURCE_NOT_FOUND = -32002;

/** Register the plan resource template, with a listing of every active and archived plan. */
export function registerResources(server: McpServer, ctx: McpContext): void {
  const template = new ResourceTemplate('execplan://plan/{id}', {
    list: async () => {
      const ws = await ctx.workspace();
      const { readPlan } = await import('../workspace/read.js');
      const seen = new Set<string>();
      const resources = [];
      // Active plans come first, so an id shared with an archived plan names the active one, as references do.
      for (const ref of [...listPlanRefs(ws, 'active'), ...listPlanRefs(ws, 'archived')]) {
        if (seen.has(ref.id)) continue;
        seen.add(ref.id);
        const title = readPlan(ws, ref).plan.title?.text;
        resources.push({ uri: `execplan://plan/${encodeURIComponent(ref.id)}`, name: ref.id, ...(title ? { title } : {}), description: ref.relPath, mimeType: 'text/markdown' });
      }
      return { resources };
    },
  });
  server.registerResource('plan', template, { description: 'An ExecPlan as Markdown.', mimeType: 'text/markdown' }, async (uri, vars) => {
    const raw = Array.isArray(vars.id) ? vars.id.join(',') : (vars.id ?? '');
    try {
      const { ws, ref } = await ctx.plan(decode(raw));
      const { readPlan } = await import('../workspace/read.js');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readPlan(ws, ref).text }] };
    } catch (err) {
      if (err instanceof ExecplanError) {
        const code = err.code === 'PLAN_NOT_FOUND' ? RESOURCE_NOT_FOUND : ErrorCode.InvalidParams;
        throw new McpError(code, err.message, err.toJSON());
      }
      throw err;
    }
  });
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
