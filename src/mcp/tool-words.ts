/**
 * Error messages come from the library the CLI shares, so they name CLI commands (`execplan reopen
 * <plan>`). An agent on the MCP server calls tools instead: each command named in backticks is
 * rewritten as the tool and the arguments that do the same.
 */

const json = (o: Record<string, unknown>) => JSON.stringify(o);

/** `execplan <words>` as the tool call that does the same, or undefined when none does. */
function asTool(words: string): string | undefined {
  const w = words.trim().split(/\s+/);
  const plan = w[1] && !w[1].startsWith('-') ? w[1].replace(/^"|"$/g, '') : '<plan>';
  switch (w[0]) {
    case 'list':
      return `list_plans ${json({ which: w.includes('--all') ? 'all' : w.includes('--archived') ? 'archived' : 'active' })}`;
    case 'new':
      return 'create_plan {"description":"…"}';
    case 'show':
      return `show_plan ${json({ plan })}`;
    case 'resume':
      return `resume_plan ${json({ plan })}`;
    case 'lint':
      return `lint_plan ${w[1] && !w[1].startsWith('-') ? json({ plan }) : '{}'}`;
    case 'archive':
      return `archive_plan ${json({ plan })}`;
    case 'reopen':
      return `reopen_plan ${json({ plan })}`;
    case 'run':
      return `run_command ${json({ plan, command: ['…'] })}`;
    case 'artifact':
      return `artifacts ${json({ plan: w[2] ?? '<plan>', action: w[1] === 'add' ? 'add' : 'list' })}`;
    case 'decide':
      return `log_decision ${json({ plan, decision: '…', rationale: '…' })}`;
    case 'discover':
      return `log_surprise ${json({ plan, observation: '…', evidence: '…' })}`;
    case 'outcome':
      return `log_outcome ${json({ plan, text: '…' })}`;
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
