// Opens the VS Code workbench served by code-server in Debian's headless chromium (playwright-core), with
// the two functions VS Code's test driver calls: codeAutomationLog (console output of the extension host
// and the test runner) and codeAutomationExit (the tests' run() settled: 0 resolved, else rejected).
import { chromium } from 'playwright-core';
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { paths } from '../paths.mjs';

// Headless Chromium on these machines, without background networking (shared with the panel test).
const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL('../../support/chromium-args.json', import.meta.url), 'utf8'));

/** The suite logs these markers and waits for the answer file in the signals dir (see suite/helpers.ts). */
const SCREENSHOT_REQUEST = /\[nianbao:screenshot\] ([\w.-]+)/;
const WEBVIEW_TEXT_REQUEST = /\[nianbao:webview-text\] ([\w.-]+)/;
/** `[nianbao:page] ID {"op": "text" | "count" | "click", "selector": "…", "text": "…"}`: see pageRequest. */
const PAGE_REQUEST = /\[nianbao:page\] ([\w.-]+) (\{.*\})\s*$/;

/** The visible text of every webview on screen (VS Code renders each in nested iframes). */
async function webviewText(page) {
  const texts = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.isDetached()) continue;
    const text = await Promise.race([
      frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''),
      new Promise((resolve) => setTimeout(() => resolve(''), 3_000)),
    ]);
    if (text.trim()) texts.push(text);
  }
  return texts.join('\n');
}

/**
 * What the suite cannot see through VS Code's API, read from the workbench page itself (main frame):
 * `text` — the visible text of the elements matching `selector` (the whole page by default);
 * `count` — how many elements match `selector` (e.g. the editor's unicode-highlight boxes);
 * `click` — a real click on the first element matching `selector` whose text contains `text`.
 */
async function pageRequest(page, request) {
  const selector = typeof request.selector === 'string' ? request.selector : 'body';
  switch (request.op) {
    case 'text':
      return (await page.locator(selector).allInnerTexts()).join('\n');
    case 'count':
      return page.locator(selector).count();
    case 'click': {
      const target = page.locator(selector, typeof request.text === 'string' ? { hasText: request.text } : {}).first();
      await target.click({ timeout: 5_000 });
      return true;
    }
    default:
      throw new Error(`unknown page request ${JSON.stringify(request.op)}`);
  }
}

/** Written aside and renamed, so the suite never reads half a file. */
function answer(file, text) {
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

/** VS Code hands its own logs (extension host, renderer, server) to codeAutomationExit: keep them. */
function saveLogs(logs, folder) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    if (typeof relativePath !== 'string' || typeof contents !== 'string') continue;
    const file = path.resolve(folder, relativePath);
    if (!file.startsWith(folder + path.sep)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

function formatLogArgs(args) {
  if (Array.isArray(args)) return util.format(...args);
  return typeof args === 'string' ? args : util.format(args);
}

/**
 * @param {object} options
 * @param {string} options.url workbench URL with folder and payload
 * @param {object} options.sandbox see sandbox.mjs
 * @param {string} options.screenshots folder for the PNGs the suite asks for
 * @param {string} options.logFile everything the page and the extension host logged
 * @param {(line: string) => void} options.onLog each formatted codeAutomationLog line
 * @param {(code: number) => void} options.onExit
 */
export async function openWorkbench({ url, sandbox, screenshots, logFile, onLog, onExit }) {
  const context = await chromium.launchPersistentContext(sandbox.chromiumProfile, {
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    env: { ...process.env, TMPDIR: sandbox.tmp },
    // The launcher handles signals itself (closes chromium, then stops code-server, then removes the temp dir).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const record = (line) => appendFileSync(logFile, line.endsWith('\n') ? line : `${line}\n`);

  // Screenshots are taken one at a time, in the order the suite asked for them.
  let shots = Promise.resolve();
  const shoot = (name) => {
    shots = shots.then(async () => {
      const file = path.join(screenshots, `${name}.png`);
      try {
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: file });
        console.log(`[launcher] screenshot ${path.relative(paths.repoRoot, file) || file}`);
      } catch (error) {
        console.log(`[launcher] screenshot ${name} failed: ${error.message}`);
      }
      // Tell the suite even on failure: a missing picture must not hang the tests.
      writeFileSync(path.join(sandbox.signals, `${name}.done`), '');
    });
  };

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatLogArgs(args);
    record(`[${type}] ${line}`);
    const request = SCREENSHOT_REQUEST.exec(line);
    if (request) shoot(request[1]);
    const textRequest = WEBVIEW_TEXT_REQUEST.exec(line);
    if (textRequest) {
      void webviewText(page)
        .catch(() => '')
        .then((text) => answer(path.join(sandbox.signals, `${textRequest[1]}.txt`), text));
    }
    const pageAsk = PAGE_REQUEST.exec(line);
    if (pageAsk) {
      void Promise.resolve()
        .then(() => pageRequest(page, JSON.parse(pageAsk[2])))
        .then(
          (value) => ({ ok: true, value }),
          (error) => ({ ok: false, error: String(error?.message ?? error) }),
        )
        .then((result) => answer(path.join(sandbox.signals, `${pageAsk[1]}.json`), JSON.stringify(result)));
    }
    onLog(line, type);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    record(`[exit] ${code}`);
    saveLogs(logs, path.join(path.dirname(logFile), 'vscode-logs'));
    onExit(typeof code === 'number' ? code : 1);
  });
  page.on('console', (message) => record(`[page ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => record(`[page error] ${error.stack ?? error.message}`));

  await page.goto(url);

  return {
    page,
    /** A picture of whatever is on screen, e.g. when the run failed or timed out. */
    async screenshot(file) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, timeout: 5_000 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.race([shots, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      // Closing the persistent context ends chromium; playwright also kills it when this process exits.
      await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
