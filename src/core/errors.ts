/** Errors that teach: a code, what is wrong and how to fix it, and the input that caused it. */

/** Error codes, each with its exit code: usage and I/O errors exit 2, refusals exit 1. */
export type ErrorCode =
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'CONFIG_UNREADABLE'
  | 'PLAN_NOT_FOUND'
  | 'PLAN_AMBIGUOUS'
  | 'PLAN_EXISTS'
  | 'ITEM_NOT_FOUND'
  | 'ITEM_AMBIGUOUS'
  | 'INVALID_INPUT'
  | 'UNSAFE_PATH'
  | 'IO'
  | 'LOCKED'
  | 'CHANGED_ON_DISK'
  | 'REFUSED';

const REFUSALS = new Set<ErrorCode>(['REFUSED', 'PLAN_EXISTS', 'CHANGED_ON_DISK', 'LOCKED']);

/** An error the user can fix. Commands print its message (no stack) and exit with `exitCode`. */
export class ExecplanError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  /** Candidates, close matches or reasons, for messages and JSON output. */
  readonly details?: string[];

  constructor(code: ErrorCode, message: string, extra: { file?: string; line?: number; details?: string[] } = {}) {
    super(message);
    this.name = 'ExecplanError';
    this.code = code;
    if (extra.file !== undefined) this.file = extra.file;
    if (extra.line !== undefined) this.line = extra.line;
    if (extra.details !== undefined) this.details = extra.details;
  }

  /** 1 for a refused operation, 2 for usage, configuration and I/O errors. */
  get exitCode(): 1 | 2 {
    return REFUSALS.has(this.code) ? 1 : 2;
  }

  /** The error as data, for `--json` output and MCP tool errors. */
  toJSON(): { code: ErrorCode; message: string; file?: string; line?: number; details?: string[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}
