/**
 * markdown-it's block parser, without the rest of markdown-it.
 *
 * The plan model needs block structure only (headings, lists, code, tables, paragraphs with their
 * line maps). `markdownit()` also builds the inline parser, the renderer and a link matcher, which
 * costs a one-plan lint more than parsing the plan does. `ParserBlock` is markdown-it's own block
 * tokenizer; its rules read a few fields of the instance they are given, which `BLOCK_HOST`
 * supplies with the values of the `commonmark` preset (every block rule on, tables included):
 * the tokens are the ones `markdownit('commonmark').enable('table').block.parse` produces, which
 * test/block-parser.test.ts checks over the real corpus.
 */
import type { MarkdownIt, Token } from 'markdown-it';
import * as helpers from 'markdown-it/lib/helpers/index.mjs';
import ParserBlock from 'markdown-it/lib/parser_block.mjs';

// markdown-it's link validation: script and file URLs are not link targets, images as data are.
const BAD_PROTOCOL = /^(vbscript|javascript|file|data):/;
const GOOD_DATA = /^data:image\/(gif|png|jpeg|webp);/;

let host: MarkdownIt | undefined;

/** The part of a markdown-it instance the block rules read. */
function blockHost(): MarkdownIt {
  host ??= {
    block: new ParserBlock(),
    options: { html: true, maxNesting: 20 },
    helpers,
    // Reference definitions are validated, not rendered: the target is only checked.
    normalizeLink: (url: string) => url,
    validateLink: (url: string) => {
      const lower = url.trim().toLowerCase();
      return BAD_PROTOCOL.test(lower) ? GOOD_DATA.test(lower) : true;
    },
  } as unknown as MarkdownIt;
  return host;
}

/** The block tokens of `text`, as markdown-it's CommonMark preset with tables produces them. */
export function parseBlocks(text: string): Token[] {
  const md = blockHost();
  const tokens: Token[] = [];
  md.block.parse(text, md, {}, tokens);
  return tokens;
}
