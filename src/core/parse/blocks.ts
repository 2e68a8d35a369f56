/** One walk over markdown-it's block tokens, keeping the blocks the plan model is built from. */
import type { Token } from 'markdown-it';

/** A heading, with its 0-based first and last line. */
export interface HeadingBlock {
  level: number;
  text: string;
  first: number;
  last: number;
}

/** A list item: its own lines, and its extent with the lists nested under it. */
export interface ItemBlock {
  first: number;
  /** 0-based line after the item's own lines (before any nested list). */
  ownEnd: number;
  /** 0-based line after the item with its nested lists. */
  end: number;
  /** Nesting depth among all lists of the document, 0 for a top-level list. */
  depth: number;
  marker: string;
  /** 0-based first line of the list the item belongs to. */
  listFirst: number;
}

/** A paragraph with its inline text. */
export interface ParagraphBlock {
  first: number;
  last: number;
  text: string;
  /** Nesting depth of the list it stands in, -1 outside lists. */
  depth: number;
}

/** A fenced or indented code block. */
export interface CodeRaw {
  kind: 'fence' | 'indented';
  info: string;
  content: string;
  first: number;
  last: number;
}

/** The blocks of a document. */
export interface Blocks {
  headings: HeadingBlock[];
  items: ItemBlock[];
  paragraphs: ParagraphBlock[];
  code: CodeRaw[];
}

/** Walk the block tokens once; `lines` are the lines markdown-it saw, used to trim trailing blank lines off items. */
export function collectBlocks(tokens: Token[], lines: readonly string[]): Blocks {
  const blocks: Blocks = { headings: [], items: [], paragraphs: [], code: [] };
  const open: ItemBlock[] = [];
  const lists: number[] = [];
  let depth = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const map = t.map ?? [0, 1];
    switch (t.type) {
      case 'heading_open':
        blocks.headings.push({ level: Number(t.tag.slice(1)), text: (tokens[i + 1]?.content ?? '').trim(), first: map[0], last: map[1] - 1 });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        depth++;
        lists.push(map[0]);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        lists.pop();
        break;
      case 'list_item_open': {
        const item: ItemBlock = { first: map[0], ownEnd: map[1], end: map[1], depth, marker: t.info ? t.info + t.markup : t.markup, listFirst: lists[lists.length - 1] ?? map[0] };
        // A nested list ends the parent's own lines.
        const parent = open[open.length - 1];
        if (parent && parent.ownEnd > map[0]) parent.ownEnd = map[0];
        open.push(item);
        blocks.items.push(item);
        break;
      }
      case 'list_item_close':
        open.pop();
        break;
      case 'paragraph_open':
        blocks.paragraphs.push({ first: map[0], last: map[1] - 1, text: tokens[i + 1]?.content ?? '', depth });
        break;
      case 'fence':
      case 'code_block':
        blocks.code.push({ kind: t.type === 'fence' ? 'fence' : 'indented', info: t.info.trim(), content: t.content, first: map[0], last: map[1] - 1 });
        break;
      default:
        break;
    }
  }
  // Trailing blank lines belong to the list, not the item.
  for (const it of blocks.items) {
    while (it.ownEnd - 1 > it.first && !lines[it.ownEnd - 1]?.trim()) it.ownEnd--;
    while (it.end - 1 > it.first && !lines[it.end - 1]?.trim()) it.end--;
  }
  return blocks;
}
