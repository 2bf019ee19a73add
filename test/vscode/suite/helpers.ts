// Helpers for tests running inside VS Code's extension host: wait on events (never sleep-and-hope), find
// the workspace's files, and ask the launcher for screenshots.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Resolves with the first value of `event` that satisfies `accept`, or rejects after `timeoutMs`. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      let accepted = false;
      try {
        accepted = accept(value);
      } catch (error) {
        clearTimeout(timer);
        subscription.dispose();
        reject(error);
        return;
      }
      if (accepted) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

/**
 * The diagnostics of `uri` once they satisfy `accept`: now if they already do, else at the first
 * onDidChangeDiagnostics for that document after which they do.
 */
export async function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  // Subscribe before reading, so a change between the read and the subscription is not missed.
  const changed = waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (event) => event.uris.some((changedUri) => changedUri.toString() === uri.toString()) && accept(vscode.languages.getDiagnostics(uri)),
    timeoutMs,
    () => `${what} (${path.basename(uri.fsPath)}; last seen: ${listDiagnostics(vscode.languages.getDiagnostics(uri))})`,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) {
    changed.catch(() => undefined);
    return now;
  }
  await changed;
  return vscode.languages.getDiagnostics(uri);
}

/** A compact description of diagnostics for assertion messages: `rule@line` (0-based lines). */
export function listDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ');
}

/** The rule id a diagnostic carries as its code (a plain value, or { value, target } with a docs link). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return String(typeof code === 'object' ? code.value : code);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (the launcher opens one with the fixtures)');
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openInEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls `check` every 100 ms: only for state that has no event (a file the launcher writes). */
export async function pollUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Asks the code-server launcher for a screenshot of the workbench as it is now, and waits until it is
 * taken (the launcher writes `<name>.done` into NIANBAO_TEST_SIGNALS). Without that variable (desktop
 * launcher) there is nobody to take it, and this does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const signals = process.env.NIANBAO_TEST_SIGNALS;
  if (!signals) return;
  const done = path.join(signals, `${name}.done`);
  console.log(`[nianbao:screenshot] ${name}`);
  await pollUntil(() => fs.existsSync(done), 20_000, `the screenshot ${name}`);
}

let webviewRequests = 0;

/** Whether the launcher can read webviews for the suite (code-server's does; the desktop one cannot). */
export function canReadWebviews(): boolean {
  return !!process.env.NIANBAO_TEST_SIGNALS;
}

/**
 * The text the user sees in the open webviews, read by the launcher through playwright, once it
 * satisfies `accept` (a webview renders after its script ran, so this asks again until then).
 */
export async function webviewTextWhen(accept: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const signals = process.env.NIANBAO_TEST_SIGNALS;
  if (!signals) throw new Error('no launcher to read webviews (NIANBAO_TEST_SIGNALS is not set)');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const id = `webview-${++webviewRequests}`;
    const answer = path.join(signals, `${id}.txt`);
    console.log(`[nianbao:webview-text] ${id}`);
    await pollUntil(() => fs.existsSync(answer), Math.max(1_000, deadline - Date.now()), `the launcher to read the webviews`);
    last = fs.readFileSync(answer, 'utf8');
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the webviews showed: ${JSON.stringify(last.slice(0, 400))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

let pageRequests = 0;

/** What the launcher can do with the workbench page (see pageRequest in lib/workbench.mjs). */
export type PageRequest = { op: 'text'; selector?: string } | { op: 'count'; selector: string } | { op: 'click'; selector: string; text?: string };

/** Whether a launcher reads and clicks the workbench page for the suite (code-server's does). */
export function canReadPage(): boolean {
  return !!process.env.NIANBAO_TEST_SIGNALS;
}

/** Asks the launcher to read (or click) the workbench page, and waits for its answer. */
export async function askPage<T = unknown>(request: PageRequest): Promise<T> {
  const signals = process.env.NIANBAO_TEST_SIGNALS;
  if (!signals) throw new Error('no launcher to read the workbench page (NIANBAO_TEST_SIGNALS is not set)');
  const id = `page-${++pageRequests}`;
  const file = path.join(signals, `${id}.json`);
  console.log(`[nianbao:page] ${id} ${JSON.stringify(request)}`);
  await pollUntil(() => fs.existsSync(file), 20_000, `the launcher to answer ${JSON.stringify(request)}`);
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(`the page request ${JSON.stringify(request)} failed: ${answer.error}`);
  return answer.value as T;
}

/**
 * The answer to a page request once it satisfies `accept` (the workbench renders after the command
 * that changed it returned: a quick pick, a panel, a decoration), asked again until then.
 */
export async function pageWhen<T>(request: PageRequest, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await askPage<T>(request);
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the page gave: ${JSON.stringify(value).slice(0, 600)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
