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

/**
 * How deep blocks may nest (each list level counts two: the list and its item). markdown-it's
 * parser recurses once per level, so the limit bounds its stack.
 */
export const MAX_NESTING = 64;

let host: MarkdownIt | undefined;
// The line ranges (0-based, end exclusive) a parse left unread for nesting too deep.
let cuts: [number, number][] = [];

interface NestState {
  level: number;
  line: number;
  blkIndent: number;
  sCount: number[];
  skipEmptyLines(line: number): number;
}

/** The part of a markdown-it instance the block rules read. */
function blockHost(): MarkdownIt {
  if (host) return host;
  const block = new ParserBlock();
  const tokenize = block.tokenize.bind(block);
  // Past the limit markdown-it skips to the end of whatever holds the block (for a list, the end of
  // the document) without a word. Skip only the block's own lines instead, up to where its reading
  // would have ended (the first line indented less than it), and note them: what follows is read.
  block.tokenize = (state: NestState, startLine: number, endLine: number) => {
    if (state.level < MAX_NESTING) {
      tokenize(state as never, startLine, endLine);
      return;
    }
    let line = startLine;
    let first = -1;
    let last = -1;
    while (line < endLine) {
      line = state.skipEmptyLines(line);
      if (line >= endLine || state.sCount[line]! < state.blkIndent) break;
      if (first === -1) first = line;
      last = line++;
    }
    if (first !== -1) cuts.push([first, last + 1]);
    state.line = line;
  };
  host = {
    block,
    options: { html: true, maxNesting: MAX_NESTING },
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
  return readBlocks(text).tokens;
}

/**
 * The block tokens of `text`, and the line ranges (0-based, end exclusive) left unread because
 * blocks were nested deeper than `MAX_NESTING` there.
 */
export function readBlocks(text: string): { tokens: Token[]; cuts: [number, number][] } {
  const md = blockHost();
  const tokens: Token[] = [];
  cuts = [];
  md.block.parse(text, md, {}, tokens);
  const found = cuts;
  cuts = [];
  return { tokens, cuts: found };
}
