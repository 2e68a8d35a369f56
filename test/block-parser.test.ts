import { readFileSync } from 'node:fs';
import markdownit, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../src/core/block-parser.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

const full = markdownit('commonmark').enable('table');

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
