// The summary panel's HTML: a pure function of the data, a nonce, the webview's CSP source and the
// locale. Nothing from the report is written as markup: the data travels as JSON inside a
// non-executed <script type="application/json"> block (with <, >, & and the JS line separators
// escaped so that no "</script>" can end it) and the panel's script puts it on the page with
// textContent. The CSP allows only this page's own nonce'd script and style; nothing is loaded.
import type { Locale } from '../i18n';
import { panelStrings, type PanelData } from './model';
import { PANEL_SCRIPT } from './script';
import { PANEL_STYLE } from './style';
import { escapeHtml } from '../escapeHtml';

export interface PanelHtmlInput {
  data: PanelData;
  /** Fresh for every render, base64 (from crypto.randomBytes). */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  locale: Locale;
}

export function renderPanelHtml({ data, nonce, cspSource, locale }: PanelHtmlInput): string {
  const strings = panelStrings(locale);
  const title = data.state === 'report' && data.fileName ? `${strings.panelTitle} · ${data.fileName}` : strings.panelTitle;
  return renderWebviewHtml({ title, strings, data, script: PANEL_SCRIPT, nonce, cspSource, locale });
}

/** The page of a webview of ours: its data and strings as inert JSON, its one nonce'd script and style. */
export function renderWebviewHtml(input: {
  title: string;
  strings: unknown;
  data: unknown;
  script: string;
  nonce: string;
  cspSource: string;
  locale: Locale;
}): string {
  const { title, strings, data, script, nonce, cspSource, locale } = input;
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error('renderPanelHtml: the nonce must be base64, 16+ chars');
  // Every part is checked (the nonce above, the sources here), so the policy needs no escaping.
  const csp = [
    "default-src 'none'",
    `style-src ${cspSources(cspSource)} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${PANEL_STYLE}</style>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script type="application/json" id="nianbao-strings">${jsonForScript(strings)}</script>
<script type="application/json" id="nianbao-data">${jsonForScript(data)}</script>
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}

export { escapeHtml };

/**
 * JSON that can sit inside a <script> element: every <, > and & becomes a \u escape (so neither
 * "</script>" nor "<!--" can occur), and so do U+2028/2029. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `webview.cspSource` is a list of scheme or host sources ("https://*.vscode-cdn.net"). Keep only
 * tokens of that shape, so that nothing else can ever become a directive or a keyword.
 */
function cspSources(source: string): string {
  return String(source)
    .split(/\s+/)
    .filter((token) => /^[a-z][a-z0-9+.-]*:(\/\/[A-Za-z0-9*.+-]+(:(\d+|\*))?(\/[A-Za-z0-9._~%/-]*)?)?$/i.test(token))
    .join(' ');
}
