// `.nianbao-ignore.json` at the root of a workspace folder: findings the team dismissed with
// "忽略此问题". Read from disk (re-read when its mtime or size changes, and on watcher events) and
// passed to the engine as CheckOptions.ignore; new entries are written through a WorkspaceEdit so
// that the editor, not the server, owns the file. Every document of the folder waits for it, so it
// is read as the CLI reads files (sources/read.ts): a FIFO or a link to /dev/zero by that name is refused
// at once (and treated as an unusable file, never overwritten) instead of hanging the folder.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkspaceEdit, WorkspaceFolder } from 'vscode-languageserver/node';
import { LineIndex } from '../core/index';
import { IGNORE_FILE_MAX_SIZE, readBoundedAsync, utf8Text } from '../sources/read';
import { IGNORE_FILE_NAME, type IgnoreEntry } from '../shared/protocol';

/** The workspace folders, to find the one a document belongs to. */
export class WorkspaceFolders {
  private uris: string[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    this.uris = (folders?.map((f) => f.uri) ?? (rootUri ? [rootUri] : [])).map(trimSlash);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => trimSlash(f.uri)));
    this.uris = [...this.uris.filter((u) => !gone.has(u)), ...added.map((f) => trimSlash(f.uri))];
  }

  /** The innermost folder containing `uri`. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.uris) {
      if (uri.startsWith(folder + '/') && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}

function trimSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

export function ignoreFileUri(folderUri: string): string {
  return `${folderUri}/${IGNORE_FILE_NAME}`;
}

export function isIgnoreFileUri(uri: string): boolean {
  return uri.endsWith('/' + IGNORE_FILE_NAME);
}

type IgnoreState =
  | { kind: 'absent' }
  /** The file exists but is not the shape we understand: it is not used, and never overwritten. */
  | { kind: 'invalid'; text: string }
  | { kind: 'valid'; text: string; entries: IgnoreEntry[]; json: Record<string, unknown> };

/** `{ "ignore": [{ "rule": …, "text": … }] }`, as the CLI reads it (server/src/cli/ignore.ts). */
export function parseIgnoreFile(text: string): IgnoreState {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'invalid', text };
  }
  const list = json && typeof json === 'object' && !Array.isArray(json) ? (json as { ignore?: unknown }).ignore : undefined;
  if (!Array.isArray(list)) return { kind: 'invalid', text };
  const entries = list
    .filter((e): e is IgnoreEntry => !!e && typeof e === 'object' && typeof e.rule === 'string' && typeof e.text === 'string')
    .map((e) => ({ rule: e.rule, text: e.text.trim() }));
  return { kind: 'valid', text, entries, json: json as Record<string, unknown> };
}

export interface EditSupport {
  documentChanges: boolean;
  createFile: boolean;
}

export class IgnoreStore {
  private readonly cache = new Map<string, { stamp: string; state: IgnoreState }>();

  /**
   * Set once the client watches the ignore file for us: then a folder's state is kept until a
   * watcher event says it changed, and no keystroke waits on a file-system call.
   */
  watched = false;

  constructor(private readonly folders: WorkspaceFolders) {}

  /** A watcher saw the file change: read it again next time. */
  invalidate(fileUri: string): void {
    for (const folder of this.cache.keys()) if (ignoreFileUri(folder) === fileUri) this.cache.delete(folder);
  }

  async entriesFor(documentUri: string): Promise<IgnoreEntry[]> {
    const folder = this.folders.folderOf(documentUri);
    if (!folder) return [];
    const state = await this.read(folder);
    return state.kind === 'valid' ? state.entries : [];
  }

  /**
   * The edit that adds `entry` to the ignore file of the document's folder: creates the file when
   * absent, rewrites it (keeping its other keys) when present. Null when there is nowhere to write.
   */
  async addEntryEdit(documentUri: string, entry: IgnoreEntry, support: EditSupport): Promise<WorkspaceEdit | null> {
    const folder = this.folders.folderOf(documentUri);
    if (!folder) return null;
    const uri = ignoreFileUri(folder);
    const state = await this.read(folder);
    if (state.kind === 'invalid') return null;
    if (state.kind === 'absent') {
      if (!support.documentChanges || !support.createFile) return null;
      const text = JSON.stringify({ ignore: [entry] }, null, 2) + '\n';
      return {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
        ],
      };
    }
    if (state.entries.some((e) => e.rule === entry.rule && e.text === entry.text)) return null;
    // Keep the file's other keys and its entries as written; append the new one.
    const json = { ...state.json, ignore: [...(state.json.ignore as unknown[]), entry] };
    const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
    const newText = JSON.stringify(json, null, 2).replace(/\n/g, eol) + eol;
    const lines = new LineIndex(state.text);
    const edit = { range: { start: { line: 0, character: 0 }, end: lines.positionAt(state.text.length) }, newText };
    return support.documentChanges
      ? { documentChanges: [{ textDocument: { uri, version: null }, edits: [edit] }] }
      : { changes: { [uri]: [edit] } };
  }

  private async read(folder: string): Promise<IgnoreState> {
    if (!folder.startsWith('file:')) return { kind: 'absent' };
    let path: string;
    try {
      path = fileURLToPath(ignoreFileUri(folder));
    } catch {
      return { kind: 'absent' };
    }
    const cached = this.cache.get(folder);
    if (this.watched && cached) return cached.state;
    let stamp: string;
    try {
      const stat = await fs.stat(path);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      const absent: IgnoreState = { kind: 'absent' };
      this.cache.set(folder, { stamp: 'absent', state: absent });
      return absent;
    }
    if (cached && cached.stamp === stamp) return cached.state;
    const state = await readIgnoreState(path);
    this.cache.set(folder, { stamp, state });
    return state;
  }
}

async function readIgnoreState(path: string): Promise<IgnoreState> {
  const read = await readBoundedAsync(path, IGNORE_FILE_MAX_SIZE);
  if (!read.ok) return read.problem === 'fs' && read.error.code === 'ENOENT' ? { kind: 'absent' } : { kind: 'invalid', text: '' };
  const text = utf8Text(read.bytes);
  return text === null ? { kind: 'invalid', text: '' } : parseIgnoreFile(text);
}
