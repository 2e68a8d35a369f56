import { readFileSync } from 'node:fs';
import markdownit, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseBlocks, readBlocks } from '../src/core/block-parser.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

// The plan parser allows deeper nesting than the preset's 20 levels; below its limit the tokens are the same.
const full = markdownit('commonmark').enable('table');
(full.options as { maxNesting: number }).maxNesting = MAX_NESTING;

function viaMarkdownIt(text: string): Token[] {
  const tokens: Token[] = [];
  full.block.parse(text, full, {}, tokens);
  return tokens;
}

const shape = (tokens: Token[]) => tokens.map((t) => [t.type, t.tag, t.map, t.nesting, t.level, t.markup, t.info, t.content, t.hidden]);

const EDGE_CASES = [
  '[ref]: https://example.com "title"\n\n# Heading\n',
  '[bad]: javascript:alert(1)\n\ntext\n',
  '[img]: data:image/png;base64,AAAA\n',
  '| a | b |\n| - | - |\n| 1 | 2 |\n',
  '<div>\n\n*html*\n\n</div>\n',
  '> quote\n> - [ ] item\n',
  `${'> '.repeat(30)}deep\n`,
  '- a\n  - b\n    - c\n      ```\n      code\n      ```\n',
  'Setext\n======\n\n    indented code\n',
  '&amp; &copy; &#35;\n```js &lt;x&gt;\ncode\n```\n',
];

describe('parseBlocks', () => {
  skipsWithout(CORPUS, 'parses the blocks of every plan of the real corpus');
  it('gives the tokens of markdown-it with the CommonMark preset and tables, on every real plan', () => {
    for (const { name, path } of realPlans()) {
      const text = readFileSync(path, 'utf8');
      expect(shape(parseBlocks(text)), name).toEqual(shape(viaMarkdownIt(text)));
    }
  });

  it('gives the same tokens on references, HTML, tables, deep nesting and entities', () => {
    for (const text of EDGE_CASES) expect(shape(parseBlocks(text)), text).toEqual(shape(viaMarkdownIt(text)));
  });
});

describe('readBlocks', () => {
  const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

  it('reads a list nested 25 levels deep whole, and says nothing was left unread', () => {
    const read = readBlocks(`${nested(25)}\n\n## After\n`);
    expect(read.cuts).toEqual([]);
    expect(read.tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(25);
    expect(read.tokens.find((t) => t.type === 'heading_open')?.map).toEqual([26, 27]);
  });

  it('past the limit, skips only the deep block\'s own lines, names them, and reads what follows', () => {
    const read = readBlocks(`${nested(40)}\n\n## After\n\nText.\n`);
    // Each list level takes two of the parser's levels: level 32's own text is the first left unread.
    expect(read.cuts).toEqual([[MAX_NESTING / 2 - 1, 40]]);
    expect(read.tokens.find((t) => t.type === 'heading_open')?.map).toEqual([41, 42]);
  });

  it('100,000 levels on one line: one line unread, the rest read', () => {
    for (const deep of ['- '.repeat(100_000), '>'.repeat(100_000), '> - '.repeat(50_000)]) {
      const read = readBlocks(`Before.\n\n${deep}x\n\n## After\n`);
      expect(read.cuts).toEqual([[2, 3]]);
      expect(read.tokens.find((t) => t.type === 'heading_open')?.map).toEqual([4, 5]);
    }
  });
});
