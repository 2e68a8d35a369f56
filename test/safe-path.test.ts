import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExecplanError } from '../src/workspace/errors.js';
import { assertRealInside, assertSafeName, nameProblem, resolveInside, safeJoin } from '../src/workspace/safe-path.js';
import { tempRepo } from './helpers.js';
import { write } from './helpers/lifecycle.js';

describe('nameProblem', () => {
  const safe = ['2026-01-05_add-retry', 'my plan (v2)', 'report [draft].txt', 'npm-test', '.gitkeep', 'résumé', '計画', 'con-fig', 'CONSOLE', 'com10', 'a..b', 'x'.repeat(200)];
  for (const name of safe) it(`accepts ${JSON.stringify(name)}`, () => expect(nameProblem(name)).toBeUndefined());

  const unsafe: [string, RegExp][] = [
    ['', /empty/],
    ['.', /names a folder/],
    ['..', /names a folder/],
    ['../x', /path separator/],
    ['a/b', /path separator/],
    ['a\\b', /path separator/],
    ['/etc/passwd', /path separator/],
    ['C:evil', /drive letter/],
    ['x\0y', /NUL byte/],
    ['tab\there', /control character/],
    ['CON', /device name/],
    ['con', /device name/],
    ['nul.txt', /device name/],
    ['Com1', /device name/],
    ['LPT9.log', /device name/],
    ['COM¹', /device name/],
    ['aux .txt', /device name/],
    ['CONIN$', /device name|Windows does not allow/],
    ['what?', /Windows does not allow/],
    ['a|b', /Windows does not allow/],
    ['ab:c', /Windows does not allow/],
    ['name.', /ends with a dot or a space/],
    ['name ', /ends with a dot or a space/],
    ['x'.repeat(201), /200 bytes/],
  ];
  for (const [name, why] of unsafe) it(`refuses ${JSON.stringify(name.length > 20 ? `${name.slice(0, 10)}…` : name)}`, () => expect(nameProblem(name)).toMatch(why));

  it('assertSafeName throws UNSAFE_PATH naming what was refused and why', () => {
    const err = (() => {
      try {
        assertSafeName('../x', 'label');
      } catch (e) {
        return e as ExecplanError;
      }
    })();
    expect(err).toBeInstanceOf(ExecplanError);
    expect(err!.code).toBe('UNSAFE_PATH');
    expect(err!.exitCode).toBe(2);
    expect(err!.message).toBe('Refused label "../x": it contains a path separator ("/" or "\\"); give a bare name. Use a plain name of letters, digits, "-", "_" and ".".');
    expect(() => safeJoin('/tmp', 'NUL', 'file name')).toThrow(/device name/);
  });
});

describe('assertRealInside and resolveInside', () => {
  it('accepts paths inside, existing or not', () => {
    const root = tempRepo();
    write(root, 'a/b.txt', '');
    expect(() => assertRealInside(root, path.join(root, 'a/b.txt'), 'file')).not.toThrow();
    expect(() => assertRealInside(root, path.join(root, 'a/new/deeper/c.txt'), 'file')).not.toThrow();
    expect(resolveInside(root, path.join(root, 'a'), 'b.txt', 'file')).toBe(path.join(root, 'a/b.txt'));
  });

  it('accepts links that stay inside the workspace', () => {
    const root = tempRepo();
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    expect(() => assertRealInside(root, path.join(root, 'alias/new.txt'), 'file')).not.toThrow();
  });

  it('refuses a folder link, a file link and a dangling link that lead outside', () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    write(outside, 'f.txt', '');
    symlinkSync(outside, path.join(root, 'dir-link'));
    symlinkSync(path.join(outside, 'f.txt'), path.join(root, 'file-link'));
    symlinkSync(path.join(outside, 'not-yet.txt'), path.join(root, 'dangling'));
    symlinkSync(path.join(outside, 'missing-dir', 'x'), path.join(root, 'dangling-deep'));
    for (const p of ['dir-link/new.txt', 'dir-link', 'file-link', 'dangling', 'dangling-deep']) {
      expect(() => assertRealInside(root, path.join(root, p), 'file'), p).toThrow(/symbolic link on the way leads outside the workspace/);
    }
  });

  it('refuses a chain of links whose last hop leads outside, and a loop', () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    symlinkSync(outside, path.join(root, 'hop2'));
    symlinkSync(path.join(root, 'hop2'), path.join(root, 'hop1'));
    expect(() => assertRealInside(root, path.join(root, 'hop1/x'), 'file')).toThrow(/outside the workspace/);
    symlinkSync(path.join(root, 'loop-b'), path.join(root, 'loop-a'));
    symlinkSync(path.join(root, 'loop-a'), path.join(root, 'loop-b'));
    expect(() => assertRealInside(root, path.join(root, 'loop-a/x'), 'file')).toThrow(/loop/);
  });

  it('resolveInside refuses climbing out, absolute paths elsewhere and NUL bytes', () => {
    const root = tempRepo();
    for (const p of ['../x', '/etc/passwd', 'a/../../x', 'x\0']) {
      expect(() => resolveInside(root, root, p, 'source file'), p).toThrow(ExecplanError);
    }
    expect(() => resolveInside(root, root, '../x', 'source file')).toThrow(/^Refused source file \.\.\/x: it is outside the workspace/);
  });
});
