import { describe, expect, it } from 'vitest';
import { systemErrorMessage } from '../src/usecases/envelope.js';

const failure = (code: string, syscall = 'mkdir', path = '/repo/.agent') => Object.assign(new Error(code), { code, syscall, path });

describe('the message for a failed system call', () => {
  it('says what a common code means, with the code and the path', () => {
    expect(systemErrorMessage(failure('ENOTDIR'))).toBe('mkdir failed for /repo/.agent: a part of the path is a file, not a folder (ENOTDIR). Check that the path exists and that you may read and write it.');
    expect(systemErrorMessage(failure('EACCES', 'open'))).toContain('open failed for /repo/.agent: permission denied (EACCES).');
  });

  it('gives the bare code for one without words, and nothing for errors that are not system calls', () => {
    expect(systemErrorMessage(failure('EXDEV', 'rename'))).toBe('rename failed for /repo/.agent: EXDEV. Check that the path exists and that you may read and write it.');
    expect(systemErrorMessage(new Error('bug'))).toBeUndefined();
  });
});
