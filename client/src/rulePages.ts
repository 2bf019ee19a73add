// The rule pages shipped in the extension (docs/rules/*.md), served read-only under their own scheme,
// `nianbao-rules:/balance.md`. Findings link there (the server is told the base at initialize), and
// the manifest associates the scheme with VS Code's Markdown preview (workbench.editorAssociations),
// so a click on a rule name — in a hover, the Problems panel or anywhere VS Code opens links — shows
// the page rendered, offline. Links between pages ("cell-missing.md") stay inside the scheme.
// A scheme of its own rather than the files' own paths: an association on it touches no other file.
import * as vscode from 'vscode';

export const RULE_PAGES_SCHEME = 'nianbao-rules';
/** What the server puts before `<rule>.md` (NianbaoInitializationOptions.rulePages). */
export const RULE_PAGES_BASE = `${RULE_PAGES_SCHEME}:/`;
/** The Markdown extension's preview editor (built into VS Code). */
const MARKDOWN_PREVIEW = 'vscode.markdown.preview.editor';

/** A page's file name: kebab-case words and `.md`; anything else (`..`, a folder) is not a page. */
const PAGE_NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*\.md$/;

export class RulePages implements vscode.FileSystemProvider {
  private readonly folder: vscode.Uri;
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  }

  static register(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(RULE_PAGES_SCHEME, new RulePages(extensionUri), {
      isReadonly: true,
      isCaseSensitive: true,
    });
  }

  /** The shipped file behind a page URI (undefined: not a page). */
  fileOf(uri: vscode.Uri): vscode.Uri | undefined {
    const name = uri.path.replace(/^\/+/, '');
    return PAGE_NAME.test(name) ? vscode.Uri.joinPath(this.folder, name) : undefined;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '') return vscode.workspace.fs.stat(this.folder);
    const stat = await vscode.workspace.fs.stat(this.existing(uri));
    return { ...stat, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.existing(uri));
  }

  async readDirectory(): Promise<[string, vscode.FileType][]> {
    const entries = await vscode.workspace.fs.readDirectory(this.folder);
    return entries.filter(([name, type]) => type === vscode.FileType.File && PAGE_NAME.test(name));
  }

  watch(): vscode.Disposable {
    // The pages change only when the extension is updated, which reloads it.
    return new vscode.Disposable(() => undefined);
  }

  private existing(uri: vscode.Uri): vscode.Uri {
    const file = this.fileOf(uri);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** A rule's page URI ("balance" → nianbao-rules:/balance.md). */
export function rulePageUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`${RULE_PAGES_BASE}${encodeURIComponent(rule)}.md`, true);
}

/** `nianbao.showRules`: the list of rules, each linking to its page, in the Markdown preview. */
export async function showRuleList(): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.parse(`${RULE_PAGES_BASE}README.md`, true), MARKDOWN_PREVIEW);
}
