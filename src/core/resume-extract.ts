/** What a plan says to run and which files it names, read from its text for the resume brief. */
import type { Plan } from './types.js';

const SHELL_INFO = /^(?:bash|sh|shell|zsh|fish|console|shell-session|terminal|cmd|bat|powershell|pwsh|ps1?)$/i;
// First words of commands, for code that does not say it is shell.
const COMMAND_WORD =
  /^(?:npm|npx|pnpm|yarn|bun|bunx|node|deno|tsx|tsc|vitest|jest|eslint|prettier|cargo|rustc|go|python3?|pytest|uv|uvx|pip3?|poetry|ruff|mypy|make|just|git|bash|sh|docker|docker-compose|kubectl|helm|curl|dotnet|mvn|gradle|\.\/gradlew|swift|xcodebuild|flutter|dart|ruby|bundle|rake|rspec|mix|php|composer|terraform|cmake|ctest|ninja|bazel|execplan|rg|grep|cat|ls|cd|export|env|time|sqlite3|psql|java|javac|kotlin|ant|lua|perl|R|Rscript|julia|zig|nix|brew|apt|apt-get|xcrun|adb|wrangler|vercel|supabase|firebase|aws|gcloud|az|\.\/[\w./-]+)$/;

/** Commands from Validation and Acceptance, then Concrete Steps, each in document order: code blocks and command-like code spans. */
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
      if (looksLikeCommand(span)) found.push({ line: firstLine + body.slice(0, m.index).split('\n').length - 1, commands: [span] });
    }
    for (const f of found.sort((a, b) => a.line - b.line)) out.push(...f.commands);
  }
  return unique(out);
}

function commandsInBlock(info: string, content: string): string[] {
  const lang = info.split(/\s+/)[0] ?? '';
  if (lang && !SHELL_INFO.test(lang) && !/^(?:text|txt|plain|plaintext)$/i.test(lang)) return [];
  const lines = content.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const prompted = lines.filter((l) => /^(?:\$|PS>|PS [^>]*>|>)\s+/.test(l));
  // With prompts, the other lines are output; without, shell blocks are all commands.
  if (prompted.length) return prompted.map((l) => l.replace(/^(?:\$|PS>|PS [^>]*>|>)\s+/, ''));
  return lines.filter((l) => !l.startsWith('#') && (SHELL_INFO.test(lang) ? true : looksLikeCommand(l)));
}

function looksLikeCommand(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? '';
  return COMMAND_WORD.test(first) && text.length <= 300;
}

const EXT = 'ts|tsx|js|jsx|mjs|cjs|json|jsonc|md|mdx|yml|yaml|toml|lock|py|pyi|rs|go|java|kt|kts|swift|c|h|cc|cpp|hpp|cs|rb|php|sh|bash|zsh|ps1|sql|html|css|scss|vue|svelte|ex|exs|erl|lua|dart|gradle|xml|txt|csv|env|ini|cfg|conf|proto|graphql|gql|tf|nix|zig|ml|hs|clj|scala|r|ipynb|dockerfile|makefile';
const TOKEN = new RegExp(String.raw`(?<![\w@./:-])((?:\.\/)?[\w@.+-]+(?:\/[\w@.+-]+)+\/?|[\w@.+-]+\.(?:${EXT}))(?::\d+(?::\d+)?)?(?![\w/-])`, 'gi');

const TOP_DIRS = /^(?:\.[\w-]+|src|lib|libs|test|tests|spec|docs|doc|bin|scripts|app|apps|packages|crates|cmd|internal|pkg|examples|tools|config|public|assets|include|benches?|fixtures)\//;

/**
 * Repository-relative paths the plan names, in order of first mention: tokens with a folder part
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
    let p = m[1]!.replace(/^\.\//, '').replace(/[.,;:]+$/, '');
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
  return unique(out);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
