// Opens the VS Code workbench served by code-server in Debian's headless chromium (playwright-core), with
// the two functions VS Code's test driver calls: codeAutomationLog (console output of the extension host
// and the test runner) and codeAutomationExit (the tests' run() settled: 0 resolved, else rejected).
import { chromium } from 'playwright-core';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { paths } from '../paths.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The suite logs this marker and waits for `<signals>/<name>.done` (see suite/helpers.ts). */
const SCREENSHOT_REQUEST = /\[nianbao:screenshot\] ([\w.-]+)/;

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
    onLog(line, type);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    record(`[exit] ${code}`);
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
      await shots;
      // Closing the persistent context ends chromium; playwright also kills it when this process exits.
      await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
