// The page of `nianbao check --format html` in a real browser (headless Chromium through
// playwright-core): it loads nothing, shows the summary (written last) at the top, sorts the table by
// errors on a click, reads the same without JavaScript, and prints one report per page.
// Needs Debian's chromium at /usr/bin/chromium; without it this test fails, it never skips.
// The page is made in-process by the same formatters the command line calls, from the fixtures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { check, summarize } from '../../server/src/core';
import { htmlChunk, htmlFooter, htmlHeader, reportIdentity } from '../../server/src/cli/format-html';
import type { ReportRow } from '../../server/src/cli/format-common';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(join(__dirname, '../support/chromium-args.json'), 'utf8'));
const PAGE_URL = 'https://nianbao-batch.test/';
const FIXTURES = join(__dirname, '../data/fixtures');
const FILES = ['2023-cixi-city-office.txt', '2023-xiaocaoe-town.txt', '2023-sushui-town.txt'];

let browser: Browser | undefined;
let dir = '';

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-html-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page for the three fixtures, as the command line writes it (header, sections, footer). */
function batchPage(): { html: string; rows: ReportRow[] } {
  const locale = 'zh-cn';
  const rows: ReportRow[] = [];
  let html = htmlHeader({ locale, version: '0.0.0-test' });
  FILES.forEach((name, index) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const result = check(text, { locale });
    const summary = summarize(result.report);
    html += htmlChunk({ index, path: name, locale, lines: result.lines, diagnostics: result.diagnostics, summary, fixed: false, changes: [] });
    const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
    rows.push({ index, path: name, report: reportIdentity(summary), errors: count('error'), warnings: count('warning') });
  });
  const totals = { files: rows.length, clean: rows.filter((r) => !r.errors && !r.warnings).length, withErrors: rows.filter((r) => r.errors).length, unreadable: 0 };
  html += htmlFooter(locale, rows, totals);
  return { html, rows };
}

async function open(html: string, javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
  assert.ok(browser, 'browser not started');
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    requests.push(url);
    return route.abort();
  });
  await page.goto(PAGE_URL);
  return { page, requests };
}

const tableOrder = (page: Page) => page.locator('#index tbody tr td.path').allTextContents();

test('loads nothing, shows the summary above the reports, and sorts the table by errors on a click', async () => {
  const { html, rows } = batchPage();
  const { page, requests } = await open(html);
  try {
    assert.deepEqual(requests, [], 'the page loads nothing from anywhere');
    const summary = await page.locator('#summary').boundingBox();
    const first = await page.locator('#r0').boundingBox();
    assert.ok(summary && first && summary.y + summary.height <= first.y, 'the summary, last in the source, is drawn first');

    assert.deepEqual(await tableOrder(page), FILES, 'input order before any click');
    await page.click('#sort-errors');
    const byErrors = [...rows].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.index - b.index).map((r) => r.path);
    assert.notDeepEqual(byErrors, FILES, 'the fixtures are not already in that order (the test can fail)');
    assert.deepEqual(await tableOrder(page), byErrors);
    assert.equal(await page.locator('#index th[aria-sort]').getAttribute('aria-sort'), 'descending');
    await page.click('#sort-errors');
    assert.deepEqual(await tableOrder(page), [...byErrors].reverse());
  } finally {
    await page.context().close();
  }
});

test('reads the same without JavaScript', async () => {
  const { page } = await open(batchPage().html, false);
  try {
    assert.deepEqual(await tableOrder(page), FILES);
    assert.equal(await page.locator('section.report').count(), FILES.length);
    assert.equal(await page.locator('section.report table.chart rect').count(), FILES.length * 6, 'every chart drawn, six kinds each (小曹娥 gives its rows, all 0)');
  } finally {
    await page.context().close();
  }
});

test('prints each report on its own page, after the summary', async () => {
  const { page } = await open(batchPage().html);
  try {
    await page.emulateMedia({ media: 'print' });
    for (let i = 0; i < FILES.length; i++) {
      assert.equal(await page.evaluate(`getComputedStyle(document.getElementById('r${i}')).breakBefore`), 'page');
    }
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    assert.ok(pages >= FILES.length + 1, `${pages} printed pages for the summary and ${FILES.length} reports`);
  } finally {
    await page.context().close();
  }
});
