// Where a finding's rule id links to. The rule pages (docs/rules/<id>.md) ship with the extension, so
// the link works offline: VS Code serves them under a scheme of its own and shows them in the Markdown
// preview (initializationOptions.rulePages); another editor gets the page's file beside the server. An
// organisation that publishes its own copy names it with nianbao.rulesUrl, and only then does a
// finding link to a web address.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';

export interface RuleLinkTargets {
  /** The client's base for the pages (`nianbao-rules:/`), when it serves them itself. */
  clientPages?: string;
  /** The folder of the shipped rule pages. */
  pagesFolder: string;
}

/** The folder of the rule pages relative to the bundled server (dist/server.js → docs/rules). */
export function shippedPagesFolder(serverFolder: string): string {
  return path.join(serverFolder, '..', 'docs', 'rules');
}

/** A base the client may give: a scheme, then anything but spaces, ending in "/". */
const CLIENT_BASE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]{0,200}\/$/;

/** initializationOptions.rulePages if it is a usable base, else undefined. */
export function clientPagesBase(value: unknown): string | undefined {
  return typeof value === 'string' && CLIENT_BASE.test(value) ? value : undefined;
}

export function ruleLink(rule: string, rulesUrl: string, targets: RuleLinkTargets): string {
  const id = encodeURIComponent(rule);
  if (rulesUrl) return rulesUrl.replace(/\{rule\}/g, id);
  if (targets.clientPages) return `${targets.clientPages}${id}.md`;
  return pathToFileURL(path.join(targets.pagesFolder, `${rule}.md`)).href;
}

/**
 * The diagnostics of one analysis with their rule links, made once per analysis (the same list is
 * published and pulled again while the document does not change).
 */
export class RuleLinks {
  private readonly linked = new WeakMap<object, LspDiagnostic[]>();

  constructor(private readonly targets: RuleLinkTargets) {}

  of(analysis: { diagnostics: LspDiagnostic[]; settings: { rulesUrl: string } }): LspDiagnostic[] {
    let diagnostics = this.linked.get(analysis);
    if (!diagnostics) {
      diagnostics = analysis.diagnostics.map((d) =>
        typeof d.code === 'string' ? { ...d, codeDescription: { href: ruleLink(d.code, analysis.settings.rulesUrl, this.targets) } } : d,
      );
      this.linked.set(analysis, diagnostics);
    }
    return diagnostics;
  }
}
