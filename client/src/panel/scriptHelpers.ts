// Functions both webview scripts (script.ts, workspaceScript.ts) use, as source text spliced into each:
// reading the JSON the page was given, and making elements whose text is set only as textContent.
export const DOM_HELPERS = String.raw`
  function readJson(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.textContent || 'null') : null; } catch (e) { return null; }
  }
  function text(value) { return value === null || value === undefined ? '' : String(value); }
  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = text(content);
    return node;
  }
`;
