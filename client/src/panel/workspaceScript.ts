// The workspace view's script, run inside the webview (kept as source text, as script.ts is, for the
// same reasons). Report text reaches the page only through textContent; the page sends only
// { command: 'open', index } (the row's index in the data it was given) and { command: 'ready' }.
import { DOM_HELPERS } from './scriptHelpers';

export const WORKSPACE_SCRIPT = String.raw`
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var strings = readJson('nianbao-strings') || {};
  var root = document.getElementById('root');
  var data = null;
  // Sorted by errors (most first) until a header is clicked.
  var sort = { key: 'errors', descending: true };
  var COLUMNS = [
    { key: 'file', label: 'wsFile' },
    { key: 'body', label: 'panelBody' },
    { key: 'year', label: 'panelYear' },
    { key: 'edition', label: 'panelEdition' },
    { key: 'errors', label: 'wsErrors', number: true },
    { key: 'warnings', label: 'wsWarnings', number: true }
  ];

${DOM_HELPERS}

  function compare(a, b) {
    var x = a.row[sort.key], y = b.row[sort.key];
    var order = typeof x === 'number' && typeof y === 'number' ? x - y : text(x).localeCompare(text(y), 'zh-CN');
    return (sort.descending ? -order : order) || a.index - b.index;
  }

  function render() {
    root.replaceChildren();
    root.append(el('h1', 'title', strings.wsTitle));
    var rows = data && Array.isArray(data.rows) ? data.rows : [];
    if (data && data.intro) root.append(el('p', 'intro', data.intro));
    if (!rows.length) { root.append(el('p', 'empty', strings.wsEmpty)); return; }
    var table = el('table', 'reports');
    var head = el('tr');
    COLUMNS.forEach(function (c) {
      var th = el('th', c.number ? 'number' : '');
      var button = el('button', 'sort', strings[c.label] + (sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''));
      button.dataset.sort = c.key;
      th.append(button);
      head.append(th);
    });
    var thead = el('thead');
    thead.append(head);
    var body = el('tbody');
    rows.map(function (row, index) { return { row: row, index: index }; }).sort(compare).forEach(function (item) {
      var tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.index = String(item.index);
      COLUMNS.forEach(function (c) {
        var value = item.row[c.key];
        var className = c.number ? 'number ' + c.key + (value > 0 ? ' some' : '') : c.key;
        tr.append(el('td', className, value));
      });
      body.append(tr);
    });
    table.append(thead, body);
    root.append(table);
  }

  function open(target) {
    var tr = target instanceof Element ? target.closest('tr[data-index]') : null;
    if (tr) vscode.postMessage({ command: 'open', index: Number(tr.dataset.index) });
  }

  root.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button[data-sort]') : null;
    if (button) {
      var key = button.dataset.sort;
      sort = { key: key, descending: sort.key === key ? !sort.descending : key === 'errors' || key === 'warnings' };
      render();
      return;
    }
    open(event.target);
  });
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') open(event.target);
  });

  // The extension sends { type: 'update', data } after every workspace check.
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (message && message.type === 'update' && message.data && typeof message.data === 'object') { data = message.data; render(); }
  });

  data = readJson('nianbao-data');
  render();
  vscode.postMessage({ command: 'ready' });
})();
`;
