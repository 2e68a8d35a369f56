/** What an adapter may touch of the process around it, passed in so tests can run commands and the MCP server in-process. */

/** The process around a command. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard output; bytes are UTF-8 text written as they are (a report replayed from the lint cache). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input, for commands that read it; absent when there is none. */
  stdin?: NodeJS.ReadableStream;
}
