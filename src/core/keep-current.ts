/**
 * The words a session hears about its plan: at start, which plan and how to keep it current; at a
 * stop after work the plan does not reflect yet, the exact commands (and MCP tools) that bring it up
 * to date. Pure.
 */

/** What the reminder needs to know of the plan and the work. */
export interface StaleWork {
  id: string;
  path: string;
  /** Open Progress items: number and text. */
  open: { n: number; text: string }[];
  /** Whether Outcomes & Retrospective is still empty. */
  outcomesEmpty: boolean;
  /** Files changed since the plan was last updated. */
  changed: string[];
}

/** A command-line argument, quoted for a POSIX shell when it needs it. */
export function shellArg(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The reason a stop is blocked, or the reminder before compaction: what changed, and each command to run. */
export function staleReminder(w: StaleWork): string {
  const id = shellArg(w.id);
  const shown = w.changed.slice(0, 5).join(', ') + (w.changed.length > 5 ? ` and ${w.changed.length - 5} more` : '');
  const first = w.open[0];
  const lines = [`The working tree changed since the ExecPlan ${w.path} was last updated (${shown}). Bring the plan up to date before stopping:`];
  if (first) {
    const open = w.open.slice(0, 5).map((i) => `${i.n} "${short(i.text)}"`).join(', ') + (w.open.length > 5 ? `, +${w.open.length - 5} more` : '');
    lines.push(`- tick each step you finished: execplan progress ${id} done ${first.n}   (open: ${open})`);
    lines.push(`- a step only partly done: execplan progress ${id} split ${first.n} --done "what is done" --remaining "what remains"`);
    lines.push(`- a step you found you need: execplan progress ${id} add "the step"`);
  } else {
    lines.push(`- every Progress item is checked; add any step still to do: execplan progress ${id} add "the step"`);
  }
  lines.push(`- each decision you made: execplan decide ${id} "the decision" --rationale "why"`);
  lines.push(`- anything unexpected you found: execplan discover ${id} "what you found" --evidence "what shows it"`);
  if (!first || w.outcomesEmpty) lines.push(`- ${first ? "at a milestone, or when the work is done" : "now that the work is done"}, the outcome: execplan outcome ${id} "what shipped, what did not, what you learned"`);
  const item = first ? first.n : 1;
  lines.push(`With the execplan MCP server, the same with the tools progress {"plan":"${w.id}","action":"done","item":${item}}, log_decision, log_surprise and log_outcome.`);
  return lines.join('\n');
}

/** The opening of the session-start context: which plan, why, and how to keep it current. */
export function sessionHeader(p: { id: string; path: string; why: string }): string {
  const id = shellArg(p.id);
  return [
    `This session works on the ExecPlan ${p.path} (${p.why}).`,
    `Keep it current at every stopping point: execplan progress ${id} done <n>, execplan decide ${id} "…" --rationale "…", execplan discover ${id} "…" --evidence "…", execplan outcome ${id} "…" (or the MCP tools progress, log_decision, log_surprise, log_outcome).`,
  ].join('\n');
}
