/** Errors that teach (defined in the core, which throws them too), and failed system calls in words. */
export { ExecplanError, type ErrorCode } from '../core/errors.js';

/** What the commonest failures of a system call mean, in words. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space is left on the device',
  EEXIST: 'it exists already',
  ENOTEMPTY: 'the folder is not empty',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  EBUSY: 'it is busy',
};

/** A failed system call's code in words (`ENOENT`: "it does not exist"), or undefined for a code without them. */
export function errnoWords(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? ERRNO_WORDS[code] : undefined;
}
