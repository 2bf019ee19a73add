// The summary panel's page in a real browser (headless Chromium through playwright-core): a report
// whose text is all injection attempts must stay inert and readable, the page's own script (under
// its strict CSP) must draw the chart and findings, and clicks must post the documented messages.
// Needs Debian's chromium at /usr/bin/chromium; without it this test fails, it never skips.
// Code that runs in the page is given as source text: the tests are type-checked without the DOM
// library, and tsx's transform of a function may add helpers (__name) the page does not have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderPanelHtml } from '../../client/src/panel/html';
import { toPanelData } from '../../client/src/panel/model';
import { hostileSummary, IMG_TAG, SCRIPT_END, SCRIPT_TAG, TEXTAREA_BREAK } from './hostile';

const CHROMIUM = '/usr/bin/chromium';
/** The flags headless Chromium needs on these machines (shared with the VS Code launcher). */
const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(join(__dirname, '../support/chromium-args.json'), 'utf8'));
const PANEL_URL = 'https://nianbao-panel.test/';

let context: BrowserContext | undefined;
let userDataDir = '';

before(async () => {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is not installed at ${CHROMIUM}; the panel test needs it: apt-get update && apt-get install -y chromium`,
  );
  userDataDir = mkdtempSync(join(tmpdir(), 'nianbao-panel-test-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

interface Loaded {
  page: Page;
  /** Every URL the page tried to load besides the panel itself. */
  requests: string[];
}

/** Serves `html` as the panel page, with acquireVsCodeApi stubbed and CSP violations recorded. */
async function load(html: string): Promise<Loaded> {
  assert.ok(context, 'browser not started');
  const page = await context.newPage();
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PANEL_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    requests.push(url);
    return route.abort();
  });
  // As source text: a function would be serialized after tsx's transform, which may add helpers
  // (__name) that do not exist in the page.
  await page.addInitScript({ content: STUB_VSCODE_API });
  await page.goto(PANEL_URL);
  await page.waitForSelector('#root h1');
  // Give any injected handler (img onerror, svg onload) the chance to run.
  await page.waitForTimeout(200);
  return { page, requests };
}

/** Stands in for the webview's acquireVsCodeApi; records posted messages and CSP violations. */
const STUB_VSCODE_API = `
  window.__posted = [];
  window.__violations = [];
  window.acquireVsCodeApi = function () {
    return { postMessage: function (m) { window.__posted.push(m); }, getState: function () {}, setState: function () {} };
  };
  document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
`;

function hostileHtml(): string {
  return renderPanelHtml({
    data: toPanelData(hostileSummary(), 'report<img src=x onerror=alert(1)>.nianbao.txt', 'zh-cn'),
    nonce: 'dGVzdC1ub25jZS0xMjM0NTY=',
    cspSource: 'https://*.vscode-cdn.net',
    locale: 'zh-cn',
  });
}

test('hostile report text stays inert and is shown as text', async () => {
  const { page, requests } = await load(hostileHtml());
  try {
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    // No element came from report text.
    assert.equal(await page.locator('#root script, #root img, #root textarea, #root svg[onload]').count(), 0);
    assert.deepEqual(requests, [], 'the page must load nothing');

    assert.equal(await page.locator('h1.title').textContent(), `${SCRIPT_TAG}2023年政府信息公开工作年度报告`);
    const text = await page.locator('#root').innerText();
    for (const hostile of [SCRIPT_TAG, IMG_TAG, TEXTAREA_BREAK, SCRIPT_END]) {
      assert.ok(text.includes(hostile), `visible as text: ${hostile}`);
    }
    assert.ok(text.includes(`${IMG_TAG}某某镇人民政府`));
    assert.ok(text.includes(`总体情况${TEXTAREA_BREAK}`));
  } finally {
    await page.close();
  }
});

test('the page runs under its CSP: own script and style only, no violations', async () => {
  const { page } = await load(hostileHtml());
  try {
    assert.deepEqual(await page.evaluate('window.__violations'), []);
    // The nonce'd stylesheet applied (the grid layout of the figures comes from it).
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('dl.figures')).display`), 'grid');
    // An inline script without the nonce would not run: prove the CSP is active.
    const blocked = await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 2';
      document.body.append(s);
      return window.__pwned;
    })()`);
    assert.equal(blocked, undefined);
  } finally {
    await page.close();
  }
});

test('sections, figures, the chart and the findings render', async () => {
  const { page } = await load(hostileHtml());
  try {
    const sections = page.locator('ul.sections li');
    assert.equal(await sections.count(), 6);
    assert.equal(await page.locator('ul.sections li.absent').count(), 1);
    assert.match((await page.locator('ul.sections li.absent').textContent()) ?? '', /✗四、政府信息公开行政复议、行政诉讼情况/);

    const figures = await page.locator('dl.figures').innerText();
    assert.match(figures, /本年新收\s+12/);
    assert.match(figures, /办结（七）总计\s+10/);
    assert.match(figures, /予以公开、部分公开占比\s+60\.0%/);
    assert.match(figures, /行政诉讼总计\s+—/);

    // The chart: six categories; bars scaled to the largest (（一）予以公开 = 5).
    const rows = page.locator('.chart .bar-row');
    assert.equal(await rows.count(), 6);
    const widths = await page.locator('.chart svg.bar rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
    assert.deepEqual(widths, ['100', '20', '40', '40', '0', '0']);
    const values = await page.locator('.chart .bar-value').allTextContents();
    assert.deepEqual(values, ['5', '1', '2', '2', '—', '0']);

    // Findings grouped by rule: errors first, then by line.
    const groups = await page.locator('.findings h3').allTextContents();
    assert.deepEqual(groups, ['year-mismatch (1)', 'balance (2)', `row-label${SCRIPT_TAG} (1)`]);
    assert.equal(await page.locator('button.finding').count(), 4);
    assert.match((await page.locator('button.finding').first().textContent()) ?? '', /第 8 行/);
  } finally {
    await page.close();
  }
});

test('clicking a finding posts reveal with its line; the buttons post their commands', async () => {
  const { page } = await load(hostileHtml());
  try {
    const posted = async () => (await page.evaluate('window.__posted.slice()')) as unknown[];
    assert.deepEqual(await posted(), [{ command: 'ready' }]);
    await page.locator('button.finding', { hasText: '第二处' }).click();
    await page.locator('button.action', { hasText: '修复全部' }).click();
    await page.locator('button.action', { hasText: '导出摘要' }).click();
    assert.deepEqual((await posted()).slice(1), [
      { command: 'reveal', line: 41, character: 0 },
      { command: 'fixAll' },
      { command: 'export' },
    ]);
  } finally {
    await page.close();
  }
});

test('an update message re-renders the page, still as text', async () => {
  const { page } = await load(hostileHtml());
  try {
    const next = hostileSummary();
    next.summary!.title = `<b id="bold">新标题</b>`;
    next.findings = [];
    const data = toPanelData(next, 'x.nianbao.txt', 'zh-cn');
    await page.evaluate(`window.postMessage({ type: 'update', data: ${JSON.stringify(data)} }, '*')`);
    await page.waitForFunction(`document.querySelector('h1.title')?.textContent?.includes('新标题')`);
    assert.equal(await page.locator('#bold').count(), 0);
    assert.equal(await page.locator('.findings .none').textContent(), '没有发现问题。');
    // Messages of another shape are ignored.
    await page.evaluate(`window.postMessage({ type: 'update', data: '<img src=x onerror="window.__pwned=1">' }, '*')`);
    await page.evaluate(`window.postMessage('<img src=x onerror="window.__pwned=1">', '*')`);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('h1.title').textContent(), '<b id="bold">新标题</b>');
  } finally {
    await page.close();
  }
});

test('English locale and the empty and not-a-report states render', async () => {
  for (const [result, expected] of [
    [null, 'Open an annual disclosure report to see its summary here.'],
    [{ ...hostileSummary(), isReport: false, summary: null }, 'This document does not look like an annual disclosure report.'],
  ] as const) {
    const html = renderPanelHtml({
      data: toPanelData(result, 'notes.txt', 'en'),
      nonce: 'dGVzdC1ub25jZS0xMjM0NTY=',
      cspSource: 'https://*.vscode-cdn.net',
      locale: 'en',
    });
    assert.ok(context);
    const page = await context.newPage();
    try {
      await page.route('**/*', (route) =>
        route.request().url() === PANEL_URL
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      await page.addInitScript({ content: STUB_VSCODE_API });
      await page.goto(PANEL_URL);
      await page.waitForSelector('#root .empty');
      assert.equal(await page.locator('#root .empty').textContent(), expected);
    } finally {
      await page.close();
    }
  }
});

test('the text read from a Word, PDF or web page has no 修复全部 button (nothing can be written back)', async () => {
  const render = (readOnly: boolean) =>
    renderPanelHtml({
      data: toPanelData(hostileSummary(), 'report.docx.txt', 'zh-cn', readOnly),
      nonce: 'dGVzdC1ub25jZS0xMjM0NTY=',
      cspSource: 'https://*.vscode-cdn.net',
      locale: 'zh-cn',
    });
  for (const readOnly of [true, false]) {
    const { page } = await load(render(readOnly));
    try {
      const commands = await page.locator('button.action').evaluateAll((buttons) => buttons.map((b) => (b as unknown as { dataset: { command: string } }).dataset.command));
      assert.deepEqual(commands, readOnly ? ['export'] : ['fixAll', 'export']);
    } finally {
      await page.close();
    }
  }
});
