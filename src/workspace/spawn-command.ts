/**
 * Running a command for `execplan run`: no shell unless asked, output streamed as it arrives,
 * standard input passed through, and the way it ended turned into an exit code the way shells do
 * (128 + signal number, 127 for a command that is not there, 126 for one that cannot run).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Ending, Interruption, StreamName } from './transcript.js';

/** What to run and where its output goes. */
export interface SpawnRequest {
  /** The program and its arguments; with `shell`, the words are joined and given to `/bin/sh -c`. */
  words: readonly string[];
  shell: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** A stream to feed the command's standard input; without one the command shares ours. */
  stdin?: NodeJS.ReadableStream;
  /** Called with every chunk of output, in arrival order. */
  onOutput: (stream: StreamName, bytes: Uint8Array) => void;
  /**
   * Stop the command when execplan is told to stop: SIGTERM and SIGHUP are passed on, a first SIGINT
   * too (when the terminal did not send it to the command already), a second SIGINT sends SIGTERM;
   * a command still running `graceMs` after that is killed with SIGKILL, its process group with it.
   */
  forwardSignals?: boolean;
  /** How long a command may take to stop before SIGKILL (default 5 s). */
  graceMs?: number;
}

/** How a run went. */
export interface SpawnResult {
  /** The program and arguments actually started. */
  argv: string[];
  ending: Ending;
  durationMs: number;
  /** Set when execplan was told to stop while the command ran. */
  interrupted?: Interruption;
}

/** Default time a command has to stop before SIGKILL. */
export const DEFAULT_GRACE_MS = 5000;

/** Run the command to its end. Never rejects: a command that cannot start is an ending too. */
export function spawnCommand(req: SpawnRequest): Promise<SpawnResult> {
  const argv = req.shell ? ['/bin/sh', '-c', req.words.join(' ')] : [...req.words];
  const started = performance.now();
  // A command that shares our terminal stays in our process group: the terminal's Ctrl-C reaches it
  // and it may read the terminal. Any other runs in a group of its own, so that stopping it stops
  // whatever it started too.
  const ownGroup = process.platform !== 'win32' && !(!req.stdin && process.stdin.isTTY);
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: req.cwd,
      env: req.env as NodeJS.ProcessEnv,
      stdio: [req.stdin ? 'pipe' : 'inherit', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
      detached: ownGroup,
    });
    const cleanups: (() => void)[] = [];
    let settled = false;
    let interrupted: Interruption | undefined;
    const finish = (ending: Ending) => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      resolve({ argv, ending, durationMs: performance.now() - started, ...(interrupted ? { interrupted } : {}) });
    };
    const signalChild = (sig: NodeJS.Signals) => {
      try {
        if (ownGroup && child.pid) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // Already gone.
      }
    };

    child.stdout!.on('data', (b: Buffer) => req.onOutput('stdout', b));
    child.stderr!.on('data', (b: Buffer) => req.onOutput('stderr', b));

    if (req.stdin && child.stdin) {
      const input = req.stdin;
      // A command that exits without reading all of its input is not an error.
      child.stdin.on('error', () => {});
      input.pipe(child.stdin);
      cleanups.push(() => input.unpipe(child.stdin!));
    }

    if (req.forwardSignals) {
      let timer: NodeJS.Timeout | undefined;
      let interrupts = 0;
      const escalate = () => {
        timer ??= setTimeout(() => {
          interrupted!.killed = true;
          signalChild('SIGKILL');
        }, req.graceMs ?? DEFAULT_GRACE_MS);
      };
      const stop = (sig: NodeJS.Signals) => () => {
        interrupted ??= { signal: sig, killed: false };
        if (sig === 'SIGINT' && ++interrupts === 1) {
          // From the terminal the command had this one already; from `kill -INT` only we did.
          if (ownGroup) signalChild('SIGINT');
          return;
        }
        signalChild(sig === 'SIGINT' ? 'SIGTERM' : sig);
        escalate();
      };
      const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => [sig, stop(sig)] as const);
      for (const [sig, h] of handlers) process.on(sig, h);
      cleanups.push(() => {
        for (const [sig, h] of handlers) process.off(sig, h);
        if (timer) clearTimeout(timer);
      });
      // Once the command is gone, what it left running in its group goes too: an interrupted run
      // leaves nothing behind (and nothing that holds the output pipes open).
      child.on('exit', () => {
        if (interrupted && ownGroup) signalChild('SIGKILL');
      });
    }

    child.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EACCES' ? 'permission denied' : err.code === 'ENOEXEC' ? 'not an executable' : err.message;
      finish(err.code === 'ENOENT' ? { kind: 'not-found', code: 127, message: `command not found: ${argv[0]}` } : { kind: 'not-executable', code: 126, message: `cannot run ${argv[0]}: ${why}` });
    });
    // 'close' waits for the output pipes to drain, so no late chunk is lost.
    child.on('close', (code, signal) => {
      if (signal) finish({ kind: 'signal', signal, code: 128 + (constants.signals[signal] ?? 0) });
      else finish({ kind: 'exit', code: code ?? 0 });
    });
  });
}
