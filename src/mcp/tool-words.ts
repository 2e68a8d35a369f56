/**
 * Error messages come from the library the CLI shares, so they name CLI commands (`execplan reopen
 * <plan>`). An agent on the MCP server calls tools instead: each command named in backticks is
 * rewritten as the tool and the arguments that do the same.
 */

const json = (o: Record<string, unknown>) => JSON.stringify(o);

/** Commands done by one tool called with the plan and these arguments. */
const PLAN_TOOLS = new Map<string, [tool: string, args: Record<string, unknown>]>([
  ['show', ['show_plan', {}]],
  ['resume', ['resume_plan', {}]],
  ['archive', ['archive_plan', {}]],
  ['reopen', ['reopen_plan', {}]],
  ['run', ['run_command', { command: ['…'] }]],
  ['decide', ['log_decision', { decision: '…', rationale: '…' }]],
  ['discover', ['log_surprise', { observation: '…', evidence: '…' }]],
  ['outcome', ['log_outcome', { text: '…' }]],
]);

/** `execplan <words>` as the tool call that does the same, or undefined when none does. */
function asTool(words: string): string | undefined {
  const w = words.trim().split(/\s+/);
  const plan = w[1] && !w[1].startsWith('-') ? w[1].replace(/^"|"$/g, '') : '<plan>';
  const planTool = PLAN_TOOLS.get(w[0]!);
  if (planTool) return `${planTool[0]} ${json({ plan, ...planTool[1] })}`;
  switch (w[0]) {
    case 'list':
      return `list_plans ${json({ which: w.includes('--all') ? 'all' : w.includes('--archived') ? 'archived' : 'active' })}`;
    case 'new':
      return 'create_plan {"description":"…"}';
    case 'lint':
      return `lint_plan ${w[1] && !w[1].startsWith('-') ? json({ plan }) : '{}'}`;
    case 'artifact':
      return `artifacts ${json({ plan: w[2] ?? '<plan>', action: w[1] === 'add' ? 'add' : 'list' })}`;
    case 'progress': {
      const action = w[2];
      if (action === 'done' || action === 'undo' || action === 'split') {
        const n = Number(w[3]);
        return `progress ${json({ plan, action, item: Number.isInteger(n) ? n : '<number>' })}`;
      }
      if (action === 'add') return `progress ${json({ plan, action: 'add', text: '…' })}`;
      return `show_plan ${json({ plan, section: 'Progress' })}`;
    }
    default:
      return undefined;
  }
}

/** The message with every `` `execplan …` `` it names turned into the tool call that does the same. */
export function inToolWords(message: string): string {
  return message.replace(/`execplan ([^`]+)`/g, (whole, words: string) => {
    const tool = asTool(words);
    return tool ? `the ${tool.split(' ')[0]} tool (${tool})` : whole;
  });
}
