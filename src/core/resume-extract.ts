/** What a plan says to run and which files it names, read from its text for the resume brief. */
import type { Plan } from './types.js';

const SHELL_INFO = /^(?:bash|sh|shell|zsh|fish|console|shell-session|terminal|cmd|bat|powershell|pwsh|ps1?)$/i;
// First words of commands, for code that does not say it is shell.
const COMMAND_WORD =
  /^(?:npm|npx|pnpm|yarn|bun|bunx|node|deno|tsx|tsc|vitest|jest|eslint|prettier|cargo|rustc|go|python3?|pytest|uv|uvx|pip3?|poetry|ruff|mypy|make|just|git|bash|sh|docker|docker-compose|kubectl|helm|curl|dotnet|mvn|gradle|\.\/gradlew|swift|xcodebuild|flutter|dart|ruby|bundle|rake|rspec|mix|php|composer|terraform|cmake|ctest|ninja|bazel|execplan|rg|grep|cat|ls|cd|export|env|time|sqlite3|psql|java|javac|kotlin|ant|lua|perl|R|Rscript|julia|zig|nix|brew|apt|apt-get|xcrun|adb|wrangler|vercel|supabase|firebase|aws|gcloud|az|\.\/[\w./-]+)$/;

// What a command that checks the work runs: tests, type checks, linters, builds, benchmarks.
const CHECK = /\b(?:test|tests|spec|check|lint|typecheck|type-check|tsc|build|verify|validate|bench|pytest|vitest|jest|clippy|mypy|ruff|eslint|doctor|smoke)\b/i;
/** Longer commands are left out rather than shown cut short. */
const MAX_COMMAND = 400;

/**
 * Commands that check the work: every command of Validation and Acceptance, then those of Concrete
 * Steps that run tests, checks or builds (setup and deployment are steps, not checks), each in
 * document order: code blocks and code spans that read as a command with its arguments.
 */
export function extractCommands(plan: Plan): string[] {
  const out: string[] = [];
  for (const key of ['validation', 'concrete-steps']) {
    const section = plan.sections.find((s) => s.key === key);
    if (!section) continue;
    const found: { line: number; commands: string[] }[] = [];
    for (const block of plan.codeBlocks.filter((b) => b.section === key)) found.push({ line: block.line, commands: commandsInBlock(block.info, block.content) });
    const body = plan.source.slice(section.bodyStart, section.bodyEnd);
    const firstLine = plan.source.slice(0, section.bodyStart).split('\n').length;
    for (const m of body.matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)) {
      const span = m[1]!.trim().replace(/^\$\s+/, '');
      // A program named alone in a sentence (`cat`, `rg`) is not a command to run.
      if (/\s/.test(span) && looksLikeCommand(span)) found.push({ line: firstLine + body.slice(0, m.index).split('\n').length - 1, commands: [span] });
    }
    for (const f of found.sort((a, b) => a.line - b.line)) for (const c of f.commands) if (c.length <= MAX_COMMAND && (key === 'validation' || isCheck(c))) out.push(c);
  }
  return unique(out);
}

/** Whether a command runs a check: its program and the words after it (`npm run test:unit`, `python -m pytest`), not its arguments further on (`pnpm add -D vitest`). */
function isCheck(command: string): boolean {
  return CHECK.test(command.split(/\s+/, 3).join(' '));
}

function commandsInBlock(info: string, content: string): string[] {
  const lang = info.split(/\s+/)[0] ?? '';
  if (lang && !SHELL_INFO.test(lang) && !/^(?:text|txt|plain|plaintext)$/i.test(lang)) return [];
  const lines = joinContinuations(content.split(/\r?\n/).map((l) => l.trim())).filter(Boolean);
  const prompted = lines.filter((l) => /^(?:\$|PS>|PS [^>]*>|>)\s+/.test(l));
  // With prompts, the other lines are output; without, shell blocks are all commands.
  if (prompted.length) return prompted.map((l) => l.replace(/^(?:\$|PS>|PS [^>]*>|>)\s+/, ''));
  return lines.filter((l) => !l.startsWith('#') && (SHELL_INFO.test(lang) ? true : looksLikeCommand(l)));
}

/** Lines ending in a backslash continue on the next: one command, joined with spaces. */
function joinContinuations(lines: string[]): string[] {
  const out: string[] = [];
  let pending: string | undefined;
  for (const line of lines) {
    const text = pending === undefined ? line : `${pending} ${line}`;
    if (line.endsWith('\\')) pending = text.slice(0, -1).trimEnd();
    else {
      out.push(text);
      pending = undefined;
    }
  }
  if (pending !== undefined) out.push(pending);
  return out;
}

function looksLikeCommand(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? '';
  return COMMAND_WORD.test(first) && text.length <= 300;
}

const EXT = 'ts|tsx|js|jsx|mjs|cjs|json|jsonc|md|mdx|yml|yaml|toml|lock|py|pyi|rs|go|java|kt|kts|swift|c|h|cc|cpp|hpp|cs|rb|php|sh|bash|zsh|ps1|sql|html|css|scss|vue|svelte|ex|exs|erl|lua|dart|gradle|xml|txt|csv|env|ini|cfg|conf|proto|graphql|gql|tf|nix|zig|ml|hs|clj|scala|r|ipynb|dockerfile|makefile';
const TOKEN = new RegExp(String.raw`(?<![\w@./:+-])((?:\.\/)?[\w@.+-]+(?:\/[\w@.+-]+)+\/?|[\w@.+-]+\.(?:${EXT}))(?::\d+(?::\d+)?)?(?![\w/-])`, 'gi');

const TOP_DIRS = /^(?:\.[\w-]+|src|lib|libs|test|tests|spec|docs|doc|bin|scripts|app|apps|packages|crates|cmd|internal|pkg|examples|tools|config|public|assets|include|benches?|fixtures)\//;

/**
 * Repository-relative paths the plan names, the most named first (in order of first mention among
 * equals): the files a plan keeps coming back to are its key files. Tokens with a folder part
 * (`src/core/parse.ts`, `docs/rules/`) or a known extension (`package.json`). URLs, absolute paths
 * and `../` paths are not repository-relative and are left out.
 */
export function extractFiles(plan: Plan): string[] {
  const out: string[] = [];
  const text = plan.source;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - 3), start);
    if (before.endsWith('://') || /\w:\/?$/.test(before)) continue;
    let p = m[1]!.replace(/^\.\//, '').replace(/(?<![.,;:])[.,;:]+$/, '');
    if (!p || p.startsWith('/') || p.startsWith('..') || p.includes('//') || /^\d+(?:\.\d+)+$/.test(p) || /^v?\d+\.\d+/.test(p)) continue;
    if (!/[A-Za-z]/.test(p) || /^(?:e\.g|i\.e|etc)\b/i.test(p)) continue;
    const folder = p.endsWith('/');
    p = p.replace(/\/$/, '');
    // `and/or`, `Cmd/Ctrl+Z`, `addObject/removeObject`: slashes between words are not paths. Without
    // an extension, a name counts only as a folder written `dir/`, or under a usual top folder.
    if (p.includes('+')) continue;
    if (!/\.[A-Za-z0-9]+$/.test(p) && !folder && !TOP_DIRS.test(p)) continue;
    out.push(p);
  }
  const count = new Map<string, number>();
  for (const p of out) count.set(p, (count.get(p) ?? 0) + 1);
  // Map keys keep the order of first mention, and sort is stable.
  return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)!);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
