// The panel's HTML as a string: a strict CSP, nothing remote, report text never in the markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, jsonForScript, renderPanelHtml } from '../../client/src/panel/html';
import { toPanelData } from '../../client/src/panel/model';
import { hostileSummary, IMG_TAG, SCRIPT_END, SCRIPT_TAG, TEXTAREA_BREAK } from './hostile';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';

function render(fileName = 'report.nianbao.txt') {
  return renderPanelHtml({
    data: toPanelData(hostileSummary(), fileName, 'zh-cn'),
    nonce: NONCE,
    cspSource: 'https://*.vscode-cdn.net',
    locale: 'zh-cn',
  });
}

test('the CSP allows only the nonce script and style', () => {
  const html = render();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.ok(csp, 'a CSP meta element');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], [`'nonce-${NONCE}'`]);
  assert.deepEqual(directives['style-src'], ['https://*.vscode-cdn.net', `'nonce-${NONCE}'`]);
  assert.ok(!csp.includes('unsafe-'), 'no unsafe-inline / unsafe-eval');
  // Every executable script and style carries the nonce; the data blocks are not executable.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  assert.deepEqual(scripts, [' type="application/json" id="nianbao-strings"', ' type="application/json" id="nianbao-data"', ` nonce="${NONCE}"`]);
  assert.deepEqual([...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]), [` nonce="${NONCE}"`]);
  // Nothing remote: outside the (inert) JSON blocks, no src/href attributes and no URLs besides the
  // CSP source and the SVG namespace.
  const markup = html.replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/g, '');
  assert.doesNotMatch(markup, /\s(src|href)=/);
  const urls = [...markup.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(urls)].sort(), ['http://www.w3.org/2000/svg', 'https://*.vscode-cdn.net']);
});

test('report text appears only inside the JSON data block, with <, > and & escaped', () => {
  const html = render('x<img src=y onerror=alert(1)>.txt');
  for (const hostile of [SCRIPT_TAG, IMG_TAG, TEXTAREA_BREAK, SCRIPT_END, '<img src=y']) {
    assert.ok(!html.includes(hostile), `not in the markup: ${hostile}`);
  }
  // Exactly three closing script tags: the two data blocks and the panel script.
  assert.equal(html.match(/<\/script/gi)?.length, 3);
  const data = html.match(/<script type="application\/json" id="nianbao-data">([^<]*)<\/script>/)?.[1];
  assert.ok(data, 'data block');
  const parsed = JSON.parse(data);
  assert.equal(parsed.title, `${SCRIPT_TAG}2023年政府信息公开工作年度报告`);
  assert.equal(parsed.findings[1].items[0].message, `勾稽关系不成立 ${SCRIPT_END}`);
  // The <title> is escaped HTML.
  assert.match(html, /<title>年报摘要 · x&#60;img src=y onerror=alert\(1\)&#62;\.txt<\/title>/);
});

test('jsonForScript and escapeHtml', () => {
  const tricky = { a: '</script><!-- & \u2028\u2029 <b>' };
  const json = jsonForScript(tricky);
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(json), tricky);
  assert.equal(jsonForScript(undefined), 'null');
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
});

test('a malformed nonce is refused rather than weakening the CSP', () => {
  for (const nonce of ['', 'short', "abc' 'unsafe-inline", 'a"b'.repeat(8)]) {
    assert.throws(() =>
      renderPanelHtml({ data: toPanelData(null, '', 'en'), nonce, cspSource: 'https://*.vscode-cdn.net', locale: 'en' }),
    );
  }
});

test('a hostile cspSource cannot add directives', () => {
  const html = renderPanelHtml({
    data: toPanelData(null, '', 'en'),
    nonce: NONCE,
    cspSource: `https://a.test; script-src * 'unsafe-inline'"><script>`,
    locale: 'en',
  });
  const csp = html.match(/content="([^"]*)"/)?.[1] ?? '';
  assert.equal(csp.split(';').filter((d) => d.trim().startsWith('script-src')).length, 1);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(html.match(/<script/g)?.length, 3);
});
