/** Telling whether a part of the plan shows a command to run. */
import type { Section } from '../../core/types.js';
import { inlineCode, linesBetween, PROMPT_LINE, type PlanLine } from './text.js';

// Programs plans tell people to run; an inline code span that starts with one reads as a command.
const TOOLS =
  /^(?:\.\/\S+|npm|npx|pnpm|yarn|node|deno|bun|tsx|python3?|pip3?|uv|poetry|pytest|cargo|rustc|go|make|just|git|gh|bash|sh|zsh|docker|docker-compose|kubectl|helm|terraform|swift|xcodebuild|dotnet|mvn|gradle|\.\/gradlew|bundle|rake|rails|ruby|php|composer|curl|wget|flutter|dart|cmake|ctest|ninja|java|javac|mix|elixir|ls|cat|cd|mkdir|rm|cp|mv|grep|rg|find|sed|awk|jq|psql|sqlite3|redis-cli|execplan|vitest|jest|eslint|tsc|ruff|mypy|black|prettier|pwsh|powershell)(?:\s|$)/;

// "Run `streamlit run app.py`": a span the sentence says to run is a command, whatever the program.
const RUN_SPAN = /\b(?:run|execute|invoke|type)\s+(?:the\s+(?:command\s+)?)?`[^`][^`\s]*\s[^`]*`/i;

// A program named by its path (`scripts/report`, `./run.sh`) or by a script's name (`migrate.py`).
const PROGRAM_PATH = /^(?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)+$|^[\w@.-]+\.(?:py|sh|bash|js|mjs|cjs|ts|rb|pl|php|ps1|bat|cmd|exe)$/;
const PROGRAM = /^[\w@.-]+$/;
const FLAG = /^--?[A-Za-z]/;
// What a line says a command does when it runs: `specops update` produces …, `tool scan` exits 0.
const RESULT = /\b(?:exits?|produces?|prints?|outputs?|returns?|writes?|creates?|generates?|shows?|reports?|passe[sd]|fails?|succeeds?|lists?|renders?|completes?|runs? cleanly|finishes)\b/i;

/**
 * Whether an inline code span reads as a command even though its program is not a known one: a
 * program named by its path or script name and given arguments, or a program word followed by
 * options or, on a line that says what running it does, by words of its own.
 */
function looksLikeCommand(content: string, line: string): boolean {
  const [program, ...args] = content.trim().split(/\s+/);
  // A path alone (`src/a.ts`) names a file to read or edit; with arguments after it, a program to run.
  if (!program || !args.length || /^[a-z][\w+.-]*:\/\//i.test(program)) return false;
  if (PROGRAM_PATH.test(program)) return true;
  if (!PROGRAM.test(program)) return false;
  return args.some((a) => FLAG.test(a)) || (args.every((a) => PROGRAM.test(a)) && RESULT.test(line));
}

const NOT_COMMANDS = /^(?:markdown|md|json|jsonc|json5|ya?ml|toml|xml|html|css|csv|diff|patch)$/i;

/** Whether a line starts with a program plans tell people to run (`npm test`, `python x.py`). */
export function startsWithProgram(line: string): boolean {
  return TOOLS.test(line.trim());
}

/** The classified lines of a section's body. */
export function sectionLines(lines: readonly PlanLine[], section: Section): readonly PlanLine[] {
  return linesBetween(lines, section.line + 1, section.endLine);
}

/**
 * Whether some lines show a command: a code block, a `$ ` prompt line, an indented line that starts
 * with a program (a block indented too little to be code), or inline code naming a program.
 */
export function showsCommand(lines: readonly PlanLine[]): boolean {
  return lines.some((l) => {
    // A block of Markdown, data or a diff shows a document or a change, not something to run.
    if (l.kind === 'code') return !NOT_COMMANDS.test(l.block?.info.split(/\s+/)[0] ?? '');
    if (PROMPT_LINE.test(l.text)) return true;
    if (/^\s{2,}\S/.test(l.text) && !/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(l.text) && TOOLS.test(l.text.trim())) return true;
    if (RUN_SPAN.test(l.text)) return true;
    return inlineCode(l.text).some((s) => TOOLS.test(s.content.trim()) || looksLikeCommand(s.content, l.text));
  });
}

/** The text of some lines joined, for word searches. */
export function joined(lines: readonly PlanLine[]): string {
  return lines.map((l) => l.text).join('\n');
}
