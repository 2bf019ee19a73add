// A fresh temporary directory for one run: code-server's profile, extensions, XDG dirs and TMPDIR, the
// workspace the tests open, and the files the suite and the launcher exchange. Removing it removes
// everything the run wrote (except what the launcher copies out on purpose).
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Keeps VS Code's profile quiet and offline: no welcome page, AI, telemetry, update or gallery checks. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // Nothing of Nianbao's own, nor the editor's unicode highlighting: the tests see the extension's
  // defaults as a new user gets them. code-server has no Chinese language pack offline, so VS Code
  // speaks English here (vscode.env.language "en"): an office PC's VS Code, as the tests want it.
};

/** An ordinary text file: Chinese, mentions a year, but is no report, so the extension must leave it alone. */
const NOTES = '会议记录\n\n2024年1月15日，小组讨论了下一阶段的工作安排。\n一、整理资料；二、联系供应商。\n';

/**
 * @param {{ fixtures: string, keep?: boolean }} options fixtures: the folder whose *.txt reports are copied
 *   into the workspace.
 */
export function createSandbox({ fixtures, keep = false }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-vscode-'));
  const dir = (...parts) => {
    const full = path.join(root, ...parts);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const sandbox = {
    root,
    userData: dir('user-data'),
    extensions: dir('extensions'),
    workspace: dir('workspace'),
    xdgConfig: dir('xdg', 'config'),
    xdgData: dir('xdg', 'data'),
    xdgCache: dir('xdg', 'cache'),
    tmp: dir('tmp'),
    chromiumProfile: dir('chromium-profile'),
    /** The launcher writes `<name>.done` here after each screenshot the suite asked for. */
    signals: dir('signals'),
    resultFile: path.join(root, 'result.json'),
    codeServerLog: path.join(root, 'code-server.log'),
    remove() {
      if (keep) console.log(`[launcher] kept ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };

  writeFileSync(path.join(dir('user-data', 'User'), 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  fillWorkspace(sandbox.workspace, fixtures);
  return sandbox;
}

/**
 * Copies of the fixture reports (*.txt), the same reports as published in Word and PDF (from the
 * sources/ folder beside the fixtures, into published-files/) and an ordinary notes.txt: what the
 * suite opens.
 */
export function fillWorkspace(workspace, fixtures) {
  mkdirSync(workspace, { recursive: true });
  const reports = readdirSync(fixtures).filter((name) => name.endsWith('.txt'));
  if (reports.length === 0) throw new Error(`no *.txt fixtures in ${fixtures}`);
  for (const name of reports) copyFileSync(path.join(fixtures, name), path.join(workspace, name));
  const sources = path.join(fixtures, '..', 'sources');
  if (existsSync(sources)) {
    mkdirSync(path.join(workspace, 'published-files'), { recursive: true });
    for (const name of readdirSync(sources).filter((n) => /\.(docx|pdf)$/.test(n))) copyFileSync(path.join(sources, name), path.join(workspace, 'published-files', name));
  }
  writeFileSync(path.join(workspace, 'notes.txt'), NOTES);
}

/**
 * VS Code runs extension tests only with an extension under development. To test an installed .vsix, the
 * development extension is this empty one, so only the installed copy of Nianbao is loaded.
 */
export function createTestHostExtension(sandbox) {
  const dir = path.join(sandbox.root, 'test-host');
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'nianbao-test-host', publisher: 'nianbao-tests', version: '0.0.0', engines: { vscode: '*' } };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
