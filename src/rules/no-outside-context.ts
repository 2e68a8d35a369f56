/** The plan does not lean on context a reader cannot see: past conversations, chats, threads. */
import type { Rule } from './types.js';

// Phrases that point at a conversation; "as discussed above" and "in the Decision Log" point inside the plan and are fine.
const INSIDE = String.raw`(?!\s+(?:above|below|earlier in this|later in this|in (?:the )?(?:section|decision log|surprises|progress|context|plan of work|milestone|step|outcomes|validation|appendix|artifacts|this (?:plan|document|section|execplan))|under\b|in §))`;
const PHRASES = new RegExp(
  [
    String.raw`\bas (?:we |I |you )?(?:discussed|agreed|mentioned|talked about)${INSIDE}`,
    String.raw`\bper (?:our|the|my|your) (?:conversation|discussion|chat|call|meeting|thread|exchange|sync)\b`,
    String.raw`\b(?:in|from) (?:our|the|my|your) (?:previous |earlier |last )?(?:conversation|chat|call|meeting|thread|session)\b`,
    String.raw`\bsee (?:the )?(?:chat|conversation|thread|slack|discord|teams message)\b`,
  ].join('|'),
  'i',
);
const CHAT_LINK =
  /\bhttps?:\/\/(?:chatgpt\.com\/(?:share|c)\/|chat\.openai\.com\/(?:share|c)\/|claude\.ai\/(?:share|chat)\/|(?:[\w-]+\.)?slack\.com\/archives\/|app\.slack\.com\/client\/|teams\.microsoft\.com\/l\/(?:message|chat)\/|discord(?:app)?\.com\/channels\/|gemini\.google\.com\/(?:share|app)\/|g\.co\/gemini\/share\/|poe\.com\/s\/|perplexity\.ai\/search\/)\S*/i;

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
    for (const l of ctx.lines) {
      if (l.kind === 'code') continue;
      const phrase = PHRASES.exec(l.text);
      if (phrase) {
        ctx.report({
          message: `"${phrase[0]}" points at a conversation the reader cannot see; expected the facts written into the plan.`,
          line: l.line,
          column: phrase.index + 1,
        });
      }
      const link = CHAT_LINK.exec(l.text);
      if (link) {
        ctx.report({
          message: `The link "${link[0]}" points at a chat the reader may not reach; expected its content summarised in the plan.`,
          line: l.line,
          column: link.index + 1,
        });
      }
    }
  },
};
