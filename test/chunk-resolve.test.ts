import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveChunksDirectly } from '../src/chunk-resolve.js';

type Resolve = (request: string, parent: unknown) => string;
const M = Module as unknown as { _resolveFilename: Resolve };
const original = M._resolveFilename;
afterEach(() => {
  M._resolveFilename = original;
});

describe('resolving the bundle chunks directly', () => {
  it('gives the path Node gives for a chunk asked for by a chunk, and leaves every other request to Node', () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'execplan-chunks-')));
    for (const name of ['bin.cjs', 'chunk-AB12CD34.cjs', 'lint-XY.cjs']) writeFileSync(path.join(dir, name), '');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'inner.cjs'), '');
    const parent = (file: string) => ({ filename: file, id: file, paths: [] });
    const asks: [string, ReturnType<typeof parent>][] = [
      ['./chunk-AB12CD34.cjs', parent(path.join(dir, 'bin.cjs'))],
      ['./lint-XY.cjs', parent(path.join(dir, 'chunk-AB12CD34.cjs'))],
      ['./inner.cjs', parent(path.join(dir, 'sub', 'x.cjs'))],
      ['./sub/inner.cjs', parent(path.join(dir, 'bin.cjs'))],
      ['node:fs', parent(path.join(dir, 'bin.cjs'))],
    ];
    const before = asks.map(([request, from]) => original.call(Module, request, from));
    let shortcuts = 0;
    M._resolveFilename = function (this: unknown, ...args: Parameters<Resolve>) {
      shortcuts--;
      return original.apply(this, args);
    };
    resolveChunksDirectly(dir);
    for (const [i, [request, from]] of asks.entries()) {
      const calls = shortcuts;
      expect(M._resolveFilename.call(Module, request, from), request).toBe(before[i]);
      // The first two are answered without Node's resolver; the others go through it.
      expect(shortcuts === calls, request).toBe(i < 2);
    }
  });
});
