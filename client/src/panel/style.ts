// The summary panel's stylesheet: theme colours only through VS Code's --vscode-* variables (with
// fallbacks so the page also reads outside VS Code, e.g. in the panel test).
export const PANEL_STYLE = `
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, transparent); padding: 0 16px 24px; }
h1.title { font-size: 1.35em; font-weight: 600; margin: 16px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 1.05em; font-weight: 600; margin: 20px 0 8px; padding-bottom: 4px;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
h3 { font-size: 1em; font-weight: 600; margin: 12px 0 4px; font-family: var(--vscode-editor-font-family, monospace); }
.empty, .none { color: var(--vscode-descriptionForeground, #717171); }
dl.facts, dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--vscode-descriptionForeground, #717171); }
dd { margin: 0; overflow-wrap: anywhere; }
.number { font-variant-numeric: tabular-nums; }
.actions { display: flex; gap: 8px; align-items: center; margin: 12px 0; flex-wrap: wrap; }
.counts { margin-right: auto; white-space: pre; }
button.action { font: inherit; color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0e639c);
  border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; }
button.action:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0090f1); outline-offset: 1px; }
ul { list-style: none; padding: 0; margin: 0; }
ul.sections li { padding: 2px 0; }
.mark { display: inline-block; width: 1.5em; font-weight: 600; }
.present .mark { color: var(--vscode-testing-iconPassed, #388a34); }
.absent { color: var(--vscode-errorForeground, #e51400); }
.chart { display: grid; gap: 4px; }
.bar-row { display: grid; grid-template-columns: minmax(8em, max-content) 1fr 4em; gap: 8px; align-items: center; }
svg.bar { width: 100%; height: 12px; background: var(--vscode-editorWidget-background, rgba(128,128,128,.12)); }
svg.bar rect { fill: var(--vscode-charts-blue, #1a85ff); }
.bar-value { text-align: right; }
button.finding { display: flex; gap: 8px; width: 100%; text-align: left; font: inherit; color: inherit; background: none;
  border: none; padding: 3px 4px; cursor: pointer; border-radius: 2px; }
button.finding:hover { background: var(--vscode-list-hoverBackground, rgba(128,128,128,.15)); }
.finding .where { color: var(--vscode-textLink-foreground, #006ab1); white-space: nowrap; }
.finding .message { overflow-wrap: anywhere; }
.finding.error .sev { color: var(--vscode-errorForeground, #e51400); }
.finding.warning .sev { color: var(--vscode-editorWarning-foreground, #bf8803); }
.finding.information .sev { color: var(--vscode-editorInfo-foreground, #1a85ff); }
.finding.hint .sev { color: var(--vscode-descriptionForeground, #717171); }
table.reports { border-collapse: collapse; width: 100%; }
table.reports th, table.reports td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.25)); }
table.reports td.number, table.reports th.number { text-align: right; }
table.reports th button { font: inherit; font-weight: 600; color: inherit; background: none; border: none; padding: 0; cursor: pointer; }
table.reports tbody tr { cursor: pointer; }
table.reports tbody tr:hover, table.reports tbody tr:focus-visible { background: var(--vscode-list-hoverBackground, rgba(128,128,128,.15)); }
table.reports td.errors.some { color: var(--vscode-errorForeground, #e51400); font-weight: 600; }
`;
