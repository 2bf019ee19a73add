// The summary panel's own script, run inside the webview (a browser), so it is kept as source text
// here rather than compiled with the extension: the extension bundle targets Node, and a function
// serialized with toString() would depend on what the bundler injects. Chromium runs it in the
// panel test (test/panel). Rules it keeps:
// - report text only ever reaches the page through textContent / setAttribute, never as HTML;
// - it talks to the extension only through postMessage with the commands in messages.ts;
// - it draws the chart itself (inline SVG, no library).
import { DOM_HELPERS } from './scriptHelpers';

export const PANEL_SCRIPT = String.raw`
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var SVG = 'http://www.w3.org/2000/svg';
  var strings = readJson('nianbao-strings') || {};
  var root = document.getElementById('root');

${DOM_HELPERS}
  function fill(template, args) {
    return text(template).replace(/\{(\w+)\}/g, function (m, name) { return name in args ? String(args[name]) : m; });
  }
  function list(value) { return Array.isArray(value) ? value : []; }

  var SEVERITY = {
    error: { icon: '✗', label: 'sevError' },
    warning: { icon: '⚠', label: 'sevWarning' },
    information: { icon: 'ℹ', label: 'sevInformation' },
    hint: { icon: '·', label: 'sevHint' }
  };

  function render(data) {
    root.replaceChildren();
    if (!data || typeof data !== 'object' || data.state === 'empty') {
      root.append(el('p', 'empty', strings.panelEmpty));
      return;
    }
    if (data.state !== 'report') {
      root.append(el('h1', 'title', data.fileName), el('p', 'empty', strings.panelNotReport));
      return;
    }
    root.append(el('h1', 'title', data.title || data.fileName));

    var facts = el('dl', 'facts');
    [[strings.panelBody, data.body], [strings.panelYear, data.year], [strings.panelEdition, data.edition]].forEach(function (pair) {
      facts.append(el('dt', '', pair[0]), el('dd', '', pair[1]));
    });
    root.append(facts);

    var counts = data.counts || {};
    var bar = el('div', 'actions');
    bar.append(el('span', 'counts', '✗ ' + text(counts.errors || 0) + '  ⚠ ' + text(counts.warnings || 0) + '  ℹ ' + text(counts.others || 0)));
    var fixAll = el('button', 'action', strings.panelFixAll);
    fixAll.dataset.command = 'fixAll';
    var exportButton = el('button', 'action', strings.panelExport);
    exportButton.dataset.command = 'export';
    // No fix-all on text read from a Word, PDF or web page: it cannot be written back.
    if (data.readOnly) bar.append(exportButton);
    else bar.append(fixAll, exportButton);
    root.append(bar);

    root.append(el('h2', '', strings.panelSections));
    var sections = el('ul', 'sections');
    list(data.sections).forEach(function (s) {
      var item = el('li', s.present ? 'present' : 'absent');
      item.append(el('span', 'mark', s.present ? '✓' : '✗'), el('span', '', s.label));
      sections.append(item);
    });
    root.append(sections);

    root.append(el('h2', '', strings.panelFigures));
    var figures = el('dl', 'figures');
    list(data.figures).forEach(function (f) { figures.append(el('dt', '', f.label), el('dd', 'number', f.value)); });
    root.append(figures);

    root.append(el('h2', '', strings.panelResults), chart(list(data.results)));
    root.append(el('h2', '', strings.panelFindings), findings(list(data.findings)));
  }

  // One row per category: label, a bar scaled to the largest value, the value.
  function chart(results) {
    var max = 1;
    results.forEach(function (r) { if (typeof r.value === 'number' && r.value > max) max = r.value; });
    var box = el('div', 'chart');
    box.setAttribute('role', 'list');
    results.forEach(function (r) {
      var row = el('div', 'bar-row');
      row.setAttribute('role', 'listitem');
      var svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('class', 'bar');
      svg.setAttribute('viewBox', '0 0 100 10');
      svg.setAttribute('preserveAspectRatio', 'none');
      svg.setAttribute('aria-hidden', 'true');
      var rect = document.createElementNS(SVG, 'rect');
      var value = typeof r.value === 'number' && r.value > 0 ? r.value : 0;
      rect.setAttribute('width', String(Math.max(0, Math.min(100, (value / max) * 100))));
      rect.setAttribute('height', '10');
      svg.append(rect);
      row.append(el('span', 'bar-label', r.label), svg, el('span', 'bar-value number', typeof r.value === 'number' ? r.value : '—'));
      box.append(row);
    });
    return box;
  }

  function findings(groups) {
    var box = el('div', 'findings');
    if (!groups.length) { box.append(el('p', 'none', strings.panelNoFindings)); return box; }
    groups.forEach(function (g) {
      var items = list(g.items);
      var group = el('section', 'rule');
      group.append(el('h3', 'rule-id', text(g.rule) + ' (' + items.length + ')'));
      var ul = el('ul');
      items.forEach(function (f) {
        var severity = SEVERITY[f.severity] || SEVERITY.hint;
        var button = el('button', 'finding ' + (SEVERITY[f.severity] ? f.severity : 'hint'));
        button.dataset.line = String(f.line);
        button.dataset.character = String(f.character);
        button.title = strings[severity.label] || '';
        button.append(
          el('span', 'sev', severity.icon),
          el('span', 'where', fill(strings.panelLine, { line: Number(f.line) + 1 })),
          el('span', 'message', f.message)
        );
        var li = el('li');
        li.append(button);
        ul.append(li);
      });
      group.append(ul);
      box.append(group);
    });
    return box;
  }

  root.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    if (target.dataset.line !== undefined) {
      vscode.postMessage({ command: 'reveal', line: Number(target.dataset.line), character: Number(target.dataset.character) });
    } else if (target.dataset.command === 'fixAll' || target.dataset.command === 'export') {
      vscode.postMessage({ command: target.dataset.command });
    }
  });

  // The extension sends { type: 'update', data } whenever the shown report was checked again.
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (message && message.type === 'update' && message.data && typeof message.data === 'object') render(message.data);
  });

  render(readJson('nianbao-data'));
  vscode.postMessage({ command: 'ready' });
})();
`;
