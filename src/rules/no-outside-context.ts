/** The plan does not lean on context a reader cannot see: past conversations, chats, threads. */
import type { Rule } from './types.js';
import { matchesByLine } from './util/text.js';
import { wordsOf } from './util/words.js';

// Phrases that point at a conversation; "as discussed above" and "in the Decision Log" point inside the plan and are fine.
// The text is searched whole, so the look-ahead stops at the end of the line as a line-by-line search would.
const INSIDE = String.raw`(?![^\S\r\n]+(?:above|below|earlier in this|later in this|in (?:the )?(?:section|decision log|surprises|progress|context|plan of work|milestone|step|outcomes|validation|appendix|artifacts|this (?:plan|document|section|execplan))|under\b|in §))`;
export const PHRASES = new RegExp(
  [
    String.raw`\bas (?:we |I |you )?(?:discussed|agreed|mentioned|talked about)${INSIDE}`,
    String.raw`\bper (?:our|the|my|your) (?:conversation|discussion|chat|call|meeting|thread|exchange|sync)\b`,
    String.raw`\b(?:in|from) (?:our|the|my|your) (?:previous |earlier |last )?(?:conversation|chat|call|meeting|thread|session)\b`,
    String.raw`\bsee (?:the )?(?:chat|conversation|thread|slack|discord|teams message)\b`,
  ].join('|'),
  'gi',
);
const CHAT_LINK =
  /\bhttps?:\/\/(?:chatgpt\.com\/(?:share|c)\/|chat\.openai\.com\/(?:share|c)\/|claude\.ai\/(?:share|chat)\/|(?:[\w-]+\.)?slack\.com\/archives\/|app\.slack\.com\/client\/|teams\.microsoft\.com\/l\/(?:message|chat)\/|discord(?:app)?\.com\/channels\/|gemini\.google\.com\/(?:share|app)\/|g\.co\/gemini\/share\/|poe\.com\/s\/|perplexity\.ai\/search\/)\S*/gi;

const OWN = new Set(['our', 'the', 'my', 'your']);
const TALK = ['discussed', 'agreed', 'mentioned'];
const NOUNS = new Set(['conversation', 'discussion', 'chat', 'call', 'meeting', 'thread', 'exchange', 'sync', 'session']);
const SEEN = new Set(['chat', 'conversation', 'thread', 'slack', 'discord', 'teams']);

/**
 * Whether `text` may hold one of PHRASES: it has the words some phrase is made of, in its order,
 * whatever separates them. Every text PHRASES matches passes (test/words.test.ts checks it on
 * random text); few plans do, and those that do not are spared compiling PHRASES, which takes
 * longer than the rest of this rule.
 */
export function mayPointOutside(text: string): boolean {
  const w = wordsOf(text);
  for (let k = 0; k < w.length; k++) {
    const word = w[k]!;
    const p1 = w[k - 1] ?? '';
    const p2 = w[k - 2] ?? '';
    const p3 = w[k - 3] ?? '';
    if ((word === 'talked' || TALK.some((v) => word.startsWith(v))) && (p1 === 'as' || ((p1 === 'we' || p1 === 'i' || p1 === 'you') && p2 === 'as'))) return true;
    if (NOUNS.has(word) && ((OWN.has(p1) && (p2 === 'per' || p2 === 'in' || p2 === 'from')) || ((p1 === 'previous' || p1 === 'earlier' || p1 === 'last') && OWN.has(p2) && (p3 === 'in' || p3 === 'from')))) return true;
    if (SEEN.has(word) && (p1 === 'see' || (p1 === 'the' && p2 === 'see'))) return true;
  }
  return false;
}

const CHECKS: [RegExp, (found: string) => string, (source: string) => boolean][] = [
  [PHRASES, (found) => `"${found}" points at a conversation the reader cannot see; expected the facts written into the plan.`, mayPointOutside],
  [CHAT_LINK, (found) => `The link "${found}" points at a chat the reader may not reach; expected its content summarised in the plan.`, (source) => source.includes('://')],
];

/** Rule: no-outside-context. */
export const rule: Rule = {
  meta: {
    id: 'no-outside-context',
    description: 'No reliance on context outside the plan: "as discussed", "per our conversation", links to chats.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 1, "Be fully self-contained"; "it should always be possible to restart from only the ExecPlan and no other work."',
  },
  check(ctx) {
    // One search of the whole text for each pattern (no match spans a line break); the first match
    // on a line outside code is reported.
    for (const [pattern, message, may] of CHECKS) {
      if (!may(ctx.plan.source)) continue;
      let last = 0;
      for (const { match, line } of matchesByLine(ctx.lines, ctx.plan.source, pattern)) {
        if (line.kind === 'code' || line.line === last) continue;
        last = line.line;
        ctx.report({ message: message(match[0]), line: line.line, column: match.index - line.start + 1 });
      }
    }
  },
};
