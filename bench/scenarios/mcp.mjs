/**
 * The MCP server over stdio: time from spawn to the `initialize` answer (against `node -e 0`), the
 * latency of a progress-done tool call on a warm server, and the size of `tools/list` in tokens.
 */
import { spawnAsync, summarize, tail } from '../measure.mjs';
import { resetPlan } from '../corpus.mjs';
import { INITIALIZE_PARAMS, expectResult, startServer } from '../mcp-client.mjs';
import { fmtMs, ratioRow, statusRow, valueRow } from '../report.mjs';
import { pickPlans } from './progress.mjs';

const TOKEN_LIMIT = 3000;

/** Start-up, warm tool-call latency and tools/list size of `execplan mcp`. */
export const mcp = {
  id: 'mcp',
  title: 'execplan mcp (stdio)',
  needs: ['mcp'],
  async run(ctx) {
    const ws = ctx.ws(500);
    const argv = ctx.execplan('mcp');
    const rows = [await startup(ctx, argv, ws)];
    const server = startServer(argv, { cwd: ws.root });
    const i = pickPlans(ws).done;
    try {
      expectResult('initialize', await server.request('initialize', INITIALIZE_PARAMS));
      server.notify('notifications/initialized');
      const listed = await server.request('tools/list', {});
      const tools = expectResult('tools/list', listed).tools ?? [];
      const tokens = Math.ceil(listed.raw.length / 4);
      rows.push(valueRow({ scenario: 'mcp', name: 'mcp tools/list size', value: tokens, unit: 'tokens', figure: `≈${tokens} tokens (${listed.raw.length} chars)`, max: TOKEN_LIMIT, notes: [`${tools.length} tools; tokens approximated as characters / 4 of the JSON answer`] }));
      rows.push(await toolCall(ctx, server, tools, ws, i));
    } catch (err) {
      err.stderr = err.stderr ?? tail(server.stderr(), 40);
      throw err;
    } finally {
      await server.close();
      resetPlan(ws, i);
    }
    return rows;
  },
};

/** Spawn → `initialize` answer, interleaved with `node -e 0` spawn → exit. */
async function startup(ctx, argv, ws) {
  const server = [];
  const noop = [];
  const total = ctx.warmup + ctx.runs;
  const started = performance.now();
  for (let r = 0; r < total; r++) {
    const record = r >= ctx.warmup;
    const roundStart = performance.now();
    const steps = [async () => timeNoop(ctx), async () => timeInitialize(argv, ws)];
    if (r % 2) steps.reverse();
    for (const step of steps) {
      const { kind, ms } = await step();
      if (record) (kind === 'server' ? server : noop).push(ms);
    }
    const now = performance.now();
    if (record && r + 1 < total && now - started + (now - roundStart) > ctx.budget(20)) break;
  }
  const measured = { ...summarize(server), budgetHit: server.length < ctx.runs, runsWanted: ctx.runs };
  return ratioRow({ scenario: 'mcp', name: 'mcp spawn → initialize answer', measured, baseline: summarize(noop), baselineLabel: 'node -e 0', max: 2 });
}

async function timeNoop(ctx) {
  const t0 = process.hrtime.bigint();
  const r = await spawnAsync(ctx.nodeNoop().argv);
  if (r.status !== 0) throw new Error(`node -e 0 failed: ${r.stderr}`);
  return { kind: 'noop', ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

async function timeInitialize(argv, ws) {
  const server = startServer(argv, { cwd: ws.root });
  try {
    const answer = await server.request('initialize', INITIALIZE_PARAMS);
    expectResult('initialize', answer);
    return { kind: 'server', ms: Number(answer.at - server.startedAt) / 1e6 };
  } catch (err) {
    err.stderr = tail(server.stderr(), 40);
    throw err;
  } finally {
    await server.close();
  }
}

/** Median latency of the progress-done tool on a warm server; the plan is reset before each call. */
async function toolCall(ctx, server, tools, ws, i) {
  const tool = findDoneTool(tools);
  if (!tool) return statusRow('mcp', 'failed', 'no progress-done tool', { name: 'mcp tools/call progress done', notes: [`tools/list names: ${tools.map((t) => t.name).join(', ') || '(none)'}`] });
  const args = doneArguments(tool, ws.ids[i], ws.root);
  if (!args.ok) return statusRow('mcp', 'failed', 'cannot fill the tool arguments', { name: `mcp tools/call ${tool.name}`, notes: [args.problem] });
  const samples = [];
  const deadline = performance.now() + ctx.budget(20);
  for (let r = 0; r < ctx.warmup + ctx.runs && (samples.length === 0 || performance.now() < deadline); r++) {
    resetPlan(ws, i);
    const answer = await server.request('tools/call', { name: tool.name, arguments: args.value });
    const result = expectResult('tools/call', answer);
    if (result?.isError) throw new Error(`tools/call ${tool.name} ${JSON.stringify(args.value)} returned an error: ${JSON.stringify(result.content ?? result).slice(0, 600)}`);
    if (r >= ctx.warmup) samples.push(answer.ms);
  }
  const s = summarize(samples);
  return valueRow({ scenario: 'mcp', name: `mcp tools/call ${tool.name} (warm)`, value: s.median, unit: 'ms', figure: fmtMs(s.median), notes: [`arguments ${JSON.stringify(args.value)}; min ${fmtMs(s.min)}, max ${fmtMs(s.max)}`] });
}

/** The tool that marks a progress item done: named for it, or a progress tool with a "done" action. */
export function findDoneTool(tools) {
  const progress = tools.filter((t) => /progress/i.test(t.name));
  return (
    progress.find((t) => /done|complete|check/i.test(t.name)) ??
    progress.find((t) => Object.values(t.inputSchema?.properties ?? {}).some((p) => (p.enum ?? []).includes('done'))) ??
    tools.find((t) => /(^|[_-])(done|complete)([_-]|$)/i.test(t.name))
  );
}

/** Fill the tool's arguments from its input schema: the plan, item 1, the "done" action. */
export function doneArguments(tool, planId, root) {
  const props = tool.inputSchema?.properties ?? {};
  const required = new Set(tool.inputSchema?.required ?? []);
  const value = {};
  for (const [name, schema] of Object.entries(props)) {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    let v;
    if (schema.enum) v = schema.enum.includes('done') ? 'done' : undefined;
    else if (/^(cwd|root|workspace|dir|directory)$/i.test(name)) v = root;
    else if (/plan|^(id|ref|file|path)$/i.test(name) && type !== 'integer' && type !== 'number') v = planId;
    else if (/item|index|number|step|^n$|position/i.test(name)) v = type === 'string' ? '1' : 1;
    if (v !== undefined) value[name] = type === 'array' ? [v] : v;
    else if (required.has(name)) return { ok: false, problem: `required argument "${name}" (${JSON.stringify(schema)}) not understood` };
  }
  return { ok: true, value };
}
