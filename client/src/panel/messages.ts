// Messages the panel's webview may send, and their validation. The webview shows report text, so
// everything it sends is treated as untrusted: only known commands, and a line the document has.
// Pure (no vscode import).

export type PanelCommand =
  | { command: 'reveal'; line: number; character: number }
  | { command: 'fixAll' }
  | { command: 'export' }
  /** The page has loaded (again): the extension answers with the current data. */
  | { command: 'ready' };

/**
 * The command in `message`, or null when it is not one the panel sends or its position is not in
 * the document. `lineLength(line)` gives a line's length (the character is clamped to it; a
 * missing or bad character means the line's start).
 */
export function parsePanelMessage(
  message: unknown,
  lineCount: number,
  lineLength: (line: number) => number,
): PanelCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const { command, line, character } = message as Record<string, unknown>;
  switch (command) {
    case 'fixAll':
    case 'export':
    case 'ready':
      return { command };
    case 'reveal': {
      if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= lineCount) return null;
      const max = lineLength(line);
      const ch = typeof character === 'number' && Number.isInteger(character) && character >= 0 ? Math.min(character, max) : 0;
      return { command, line, character: ch };
    }
    default:
      return null;
  }
}
