// Writes each LSP message to stdout in one write: its header and its body together.
// vscode-jsonrpc's StreamMessageWriter writes the header, waits for that write's callback, then
// writes the body; between the two the event loop turns, and on a busy machine the body of an
// answer went out milliseconds after its header (up to 5.7 ms measured, on one keystroke in ten),
// while the client, which needs both, waited. Messages are encoded synchronously and written in
// the order they are sent. (Over IPC, as VS Code starts the server, each message is one send already.)
import { Console } from 'node:console';
import { format } from 'node:util';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      this.output.write(frame, (error?: Error | null) => {
        if (error) {
          this.fireError(error, message, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {}
}

/**
 * Keeps console output off stdout, which carries the protocol: log, debug, info, warn and error go
 * to the client's log, everything else console can print (dir, table, time…) to stderr.
 */
export function redirectConsole(connection: { console: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void } }): void {
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const [name, method] of Object.entries(toStderr)) if (typeof method === 'function') Object.assign(console, { [name]: method });
  const to = (send: (m: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = to((m) => connection.console.log(m));
  console.debug = to((m) => connection.console.log(m));
  console.info = to((m) => connection.console.info(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
}
