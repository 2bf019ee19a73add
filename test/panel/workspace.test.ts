// The workspace view (after 年报：检查工作区全部报告): rows from nianbao/checkFiles answers, the
// closing sentence, which files are looked at, the page's validation of what it sends, and the page
// itself in headless Chromium: hostile body names stay text, rows sort by errors, a click posts the
// row's index. Needs Debian's chromium at /usr/bin/chromium (as browser.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { CheckedFile } from '../../server/src/shared/protocol';
import { messages } from '../../client/src/i18n';
import { parseWorkspaceMessage, renderWorkspaceHtml, toWorkspaceData } from '../../client/src/panel/workspace';
import { batches, excludeGlob, workspaceSummary } from '../../client/src/workspaceFiles';
import { IMG_TAG, SCRIPT_END, SCRIPT_TAG } from './hostile';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';
const finding = (severity: number, line = 0) => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity: severity as 1 | 2 | 3 | 4,
  message: 'm',
  code: 'balance',
});
function file(name: string, state: CheckedFile['state'], extra: Partial<CheckedFile> = {}): CheckedFile {
  return { uri: `file:///ws/${name}`, state, format: 'text', message: null, body: null, year: null, edition: null, diagnostics: [], ...extra };
}

const FILES: CheckedFile[] = [
  file('clean.txt', 'report', { body: '某某镇人民政府', year: 2023, edition: '2021' }),
  file('bad.md', 'report', { format: 'markdown', body: `${IMG_TAG}某某街道办事处`, year: 2022, edition: '2021', diagnostics: [finding(1), finding(1, 3), finding(2), finding(4)] }),
  file('notes.txt', 'not-report'),
  file('scan.docx', 'unreadable', { format: null, message: '暂不支持读取 DOCX 文件' }),
  file('old.html', 'report', { format: 'html', body: null, year: 2018, edition: 'pre-2019', diagnostics: [finding(2)] }),
];
const relative = (uri: string) => uri.replace('file:///ws/', '');

test('rows: only reports, counted by severity, most errors first; unknown body and edition are said so', () => {
  const data = toWorkspaceData(FILES, relative, 'zh-cn');
  assert.equal(data.files, 5);
  assert.deepEqual(
    data.rows.map((r) => [r.file, r.errors, r.warnings, r.year, r.edition]),
    [
      ['bad.md', 2, 1, '2022', '2021 年版'],
      ['old.html', 0, 1, '2018', '2019 年以前的格式'],
      ['clean.txt', 0, 0, '2023', '2021 年版'],
    ],
  );
  assert.equal(data.rows[1].body, '未识别');
  assert.equal(data.intro, '共 3 份年报（检查了 5 个文件）。点击一行打开该报告，点击表头排序。');
  assert.equal(toWorkspaceData(FILES, relative, 'en').rows[0].edition, '2021 edition');
  assert.deepEqual(toWorkspaceData([], relative, 'zh-cn').rows, []);
});

test('the closing sentence counts reports, errors and warnings, names an unreadable file, and a cut-off', () => {
  const zh = messages('zh-cn');
  const sentence = workspaceSummary(zh, FILES, 5, { cancelled: false, truncated: true, fileLabel: relative });
  assert.match(sentence, /已检查 5 个文件：3 份年报，2 个错误，2 个警告。/);
  assert.match(sentence, /另有 1 个文件无法读取，如 scan\.docx：暂不支持读取 DOCX 文件/);
  assert.match(sentence, /只检查了前 5000 个/);
  assert.equal(workspaceSummary(zh, FILES.slice(0, 2), 5, { cancelled: true, truncated: false, fileLabel: relative }), '检查已取消（已检查 2/5 个文件）。');
  assert.match(workspaceSummary(messages('en'), FILES, 5, { cancelled: false, truncated: false, fileLabel: relative }), /^Checked 5 files: 3 reports, 2 errors, 2 warnings\./);
});

test('files looked at: node_modules and .git always excluded, files.exclude merged in, brace patterns left out', () => {
  assert.equal(excludeGlob(undefined), '{**/node_modules/**,**/.git/**}');
  assert.equal(
    excludeGlob({ '**/.svn': true, '**/build': false, '**/*.{js,map}': true, '**/tmp': { when: '$(basename).ts' }, '**/.git/**': true }),
    '{**/node_modules/**,**/.git/**,**/.svn}',
  );
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});

test('messages from the page: only "ready" and "open" of a row it was given', () => {
  assert.deepEqual(parseWorkspaceMessage({ command: 'open', index: 1 }, 3), { command: 'open', index: 1 });
  assert.deepEqual(parseWorkspaceMessage({ command: 'ready' }, 0), { command: 'ready' });
  for (const bad of [{ command: 'open', index: 3 }, { command: 'open', index: -1 }, { command: 'open', index: 1.5 }, { command: 'open', index: '1' }, { command: 'reveal', line: 0 }, null, 'open']) {
    assert.equal(parseWorkspaceMessage(bad, 3), null, JSON.stringify(bad));
  }
});

test('the page: report text only inside the inert JSON block, escaped', () => {
  const hostile = [file(`${SCRIPT_END}.txt`, 'report', { body: `${SCRIPT_TAG}某镇`, year: 2023, edition: '2021' })];
  const html = renderWorkspaceHtml({ data: toWorkspaceData(hostile, relative, 'zh-cn'), nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', locale: 'zh-cn' });
  assert.equal(html.split('</script>').length - 1, 3, 'only the page’s own three script elements end');
  assert.ok(!html.includes(SCRIPT_TAG) && !html.includes('<img'), 'no report text as markup');
  assert.match(html, /script-src 'nonce-dGVzdC1ub25jZS0xMjM0NTY='/);
});

// --- in the browser ---------------------------------------------------------------------------

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(join(__dirname, '../support/chromium-args.json'), 'utf8'));
const PAGE_URL = 'https://nianbao-workspace.test/';
const STUB_VSCODE_API = `
  window.__posted = [];
  window.acquireVsCodeApi = function () {
    return { postMessage: function (m) { window.__posted.push(m); }, getState: function () {}, setState: function () {} };
  };
`;
let context: BrowserContext | undefined;
let userDataDir = '';

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  userDataDir = mkdtempSync(join(tmpdir(), 'nianbao-workspace-test-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('in the browser: hostile names stay text, rows sort by errors and by a header, a click posts its row', async () => {
  assert.ok(context);
  const data = toWorkspaceData(FILES, relative, 'zh-cn');
  const html = renderWorkspaceHtml({ data, nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', locale: 'zh-cn' });
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  await page.addInitScript({ content: STUB_VSCODE_API });
  await page.goto(PAGE_URL);
  await page.waitForSelector('table.reports tbody tr');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate('window.__pwned'), undefined, 'no injected script ran');
  assert.equal(await page.locator('img').count(), 0);
  const files = () => page.locator('tbody td.file').allTextContents();
  assert.deepEqual(await files(), ['bad.md', 'old.html', 'clean.txt']);
  assert.equal(await page.locator('tbody tr').first().locator('td.body').textContent(), `${IMG_TAG}某某街道办事处`);
  // By year, oldest first, then back.
  await page.locator('button[data-sort="year"]').click();
  assert.deepEqual(await files(), ['old.html', 'bad.md', 'clean.txt']);
  await page.locator('button[data-sort="year"]').click();
  assert.deepEqual(await files(), ['clean.txt', 'bad.md', 'old.html']);
  // A click on clean.txt posts its index in the data (2), wherever the row is shown.
  await page.locator('tbody tr', { hasText: 'clean.txt' }).click();
  const posted = (await page.evaluate('window.__posted')) as unknown[];
  assert.deepEqual(posted, [{ command: 'ready' }, { command: 'open', index: 2 }]);
  await page.close();
});
