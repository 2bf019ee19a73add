// Every handler runs behind a guard: an exception becomes an empty result and one log line per
// handler, so a bug in one feature never takes the server (and every other feature) down.
import { ResponseError } from 'vscode-languageserver/node';

export class Guard {
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Logs `error` under `name`, at most once per name. */
  report(name: string, error: unknown): void {
    if (this.reported.has(name)) return;
    this.reported.add(name);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.log(`[nianbao] ${name} failed (further failures of it are not logged): ${detail}`);
  }

  /** Runs `fn`; on an exception (sync or async) logs once and returns `fallback`. */
  async run<T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      // Cancellation and other protocol answers are meant for the client, not swallowed.
      if (error instanceof ResponseError) throw error;
      this.report(name, error);
      return fallback;
    }
  }

  /** For notifications and timers: nothing to return, nothing may escape. */
  fire(name: string, fn: () => unknown): void {
    this.run(name, undefined, fn).catch((error) => this.report(name, error));
  }
}
