// 年报：检查工作区全部报告. Finds every file of a format Nianbao reads, has the server read and check
// each (nianbao/checkFiles: the client sends URIs, never contents), and puts the reports' findings
// into the Problems panel through a collection of its own, keyed by the file's real URI. For a
// .docx/.doc/.pdf/.html the lines are those of the text read from it: each finding says so and links
// (relatedInformation) to that line in the read-only extracted view. Files that are not reports give
// nothing. Loaded on first use.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckFilesRequest, type CheckedFile } from '../../../server/src/shared/protocol';
import { format, type Messages } from '../i18n';
import { extractedUri } from '../extracted';
import { BATCH_SIZE, MAX_FILES, REPORT_GLOB, batches, excludeGlob, workspaceSummary } from '../workspaceFiles';

export interface WorkspaceCheck {
  /** Every file the server answered for (reports, other files, unreadable ones). */
  files: CheckedFile[];
  found: number;
  cancelled: boolean;
  truncated: boolean;
  /** The closing sentence shown to the user. */
  summary: string;
}

export interface WorkspaceCheckHost {
  client: LanguageClient;
  collection: vscode.DiagnosticCollection;
  m: Messages;
  log(message: string): void;
}

export async function checkWorkspace(host: WorkspaceCheckHost): Promise<WorkspaceCheck | null> {
  const { m } = host;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(m.workspaceNoFolder);
    return null;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: m.workspaceProgressTitle, cancellable: true },
    async (progress, token) => {
      const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get('exclude'));
      const found = await vscode.workspace.findFiles(REPORT_GLOB, exclude, MAX_FILES + 1, token);
      const truncated = found.length > MAX_FILES;
      const uris = found
        .slice(0, MAX_FILES)
        .map((u) => u.toString())
        .sort();
      host.collection.clear();
      const files: CheckedFile[] = [];
      for (const batch of batches(uris, BATCH_SIZE)) {
        if (token.isCancellationRequested) break;
        progress.report({
          increment: (batch.length / Math.max(1, uris.length)) * 100,
          message: format(m.workspaceProgress, { done: files.length, total: uris.length, file: label(batch[0]) }),
        });
        const answer = await host.client.sendRequest(CheckFilesRequest, { uris: batch }, token);
        for (const file of answer?.files ?? []) {
          files.push(file);
          if (file.state === 'report') await publish(host, file);
        }
      }
      const cancelled = token.isCancellationRequested;
      const summary = workspaceSummary(m, files, uris.length, { cancelled, truncated, fileLabel: label });
      host.log(`workspace check: ${summary}`);
      return { files, found: uris.length, cancelled, truncated, summary };
    },
  );
}

/** A report's findings into the collection, unless the editor has it open (its own findings show then). */
async function publish(host: WorkspaceCheckHost, file: CheckedFile): Promise<void> {
  const uri = vscode.Uri.parse(file.uri, true);
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.uri)) return;
  const diagnostics = await host.client.protocol2CodeConverter.asDiagnostics(file.diagnostics);
  if (file.format !== 'text' && file.format !== 'markdown') {
    // Lines of the extracted text: point at them in the read-only view, where the user can see them.
    const view = extractedUri(uri);
    for (const d of diagnostics) {
      const related = (d.relatedInformation ?? []).map((r) =>
        r.location.uri.toString() === file.uri ? new vscode.DiagnosticRelatedInformation(new vscode.Location(view, r.location.range), r.message) : r,
      );
      related.unshift(
        new vscode.DiagnosticRelatedInformation(new vscode.Location(view, d.range), format(host.m.workspaceExtractedLine, { line: d.range.start.line + 1 })),
      );
      d.relatedInformation = related;
    }
  }
  host.collection.set(uri, diagnostics);
}

function label(uri: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri, true), false);
  } catch {
    return uri;
  }
}
