/** The plan does not lean on context a reader cannot see: past conversations, chats, threads. */
import type { Rule } from './types.js';
import { matchesByLine } from './util/text.js';

// Phrases that point at a conversation; "as discussed above" and "in the Decision Log" point inside the plan and are fine.
// The text is searched whole, so the look-ahead stops at the end of the line as a line-by-line search would.
const INSIDE = String.raw`(?![^\S\r\n]+(?:above|below|earlier in this|later in this|in (?:the )?(?:section|decision log|surprises|progress|context|plan of work|milestone|step|outcomes|validation|appendix|artifacts|this (?:plan|document|section|execplan))|under\b|in §))`;
const PHRASES = new RegExp(
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

const CHECKS: [RegExp, (found: string) => string][] = [
  [PHRASES, (found) => `"${found}" points at a conversation the reader cannot see; expected the facts written into the plan.`],
  [CHAT_LINK, (found) => `The link "${found}" points at a chat the reader may not reach; expected its content summarised in the plan.`],
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
    for (const [pattern, message] of CHECKS) {
      let last = 0;
      for (const { match, line } of matchesByLine(ctx.lines, ctx.plan.source, pattern)) {
        if (line.kind === 'code' || line.line === last) continue;
        last = line.line;
        ctx.report({ message: message(match[0]), line: line.line, column: match.index - line.start + 1 });
      }
    }
  },
};
