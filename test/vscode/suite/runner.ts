// The mocha runner VS Code's extension host calls (`run()` of the extensionTestsPath module), shared by the
// code-server launcher and the desktop one. Besides the console (which reaches the launcher through
// codeAutomationLog on code-server, stdout on the desktop), it writes a JSON result file named by
// NIANBAO_TEST_RESULT after every test, so a launcher that times out still knows which tests passed.
import Mocha from 'mocha';
import * as fs from 'node:fs';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  /** Tests that skipped themselves, each saying why in the log. */
  skipped: number;
  /** False until the run ended: a launcher reading a partial file knows the run was cut short. */
  finished: boolean;
  /** The test running when the file was written (the one that hung, if the launcher timed out). */
  running?: string;
  tests: TestOutcome[];
}

/** Lines the launchers show (code-server's launcher picks them out of the extension host's chatter). */
export const LINE_TAG = '[suite]';
const say = (text: string) => console.log(`${LINE_TAG} ${text}`);

/** One line per suite and test, tagged; the failures' stacks follow at the end. */
class TaggedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let depth = 0;
    const pad = () => '  '.repeat(Math.max(0, depth - 1));
    runner.on('suite', (suite) => {
      depth++;
      if (suite.title) say(`${pad()}${suite.title}`);
    });
    runner.on('suite end', () => depth--);
    runner.on('pass', (test) => say(`${pad()}  ✔ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on('fail', (test, error: Error) => say(`${pad()}  ✘ ${test.title}: ${error?.message ?? error}`));
    runner.on('pending', (test) => say(`${pad()}  - ${test.title} (skipped)`));
  }
}

/** `load` registers the tests: it runs after mocha has put describe/it/before… on the global object. */
export function createRunner(load: () => void): () => Promise<void> {
  return () =>
    new Promise<void>((resolve, reject) => {
      // Stack traces point into the .ts sources (the bundle carries an inline source map).
      process.setSourceMapsEnabled?.(true);
      const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: TaggedReporter });
      const grep = process.env.NIANBAO_TEST_GREP;
      if (grep) mocha.grep(grep);
      mocha.suite.emit('pre-require', globalThis, 'nianbao-vscode-suite', mocha);
      try {
        load();
      } catch (error) {
        reject(error);
        return;
      }

      const result: SuiteResult = { passed: 0, failed: 0, skipped: 0, finished: false, tests: [] };
      const resultFile = process.env.NIANBAO_TEST_RESULT;
      const save = () => {
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
      };
      save();

      const runner = mocha.run((failures) => {
        result.finished = true;
        save();
        say(`${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`);
        if (failures > 0 || result.passed === 0) reject(new Error(`${failures} test(s) failed, ${result.passed} passed`));
        else resolve();
      });
      runner.on('test', (test) => {
        result.running = test.fullTitle();
        save();
      });
      runner.on('test end', () => {
        result.running = undefined;
      });
      runner.on('pass', (test) => {
        result.passed++;
        result.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        save();
      });
      runner.on('pending', (test) => {
        result.skipped++;
        result.tests.push({ title: test.fullTitle(), state: 'skipped', durationMs: 0 });
        save();
      });
      runner.on('fail', (test, error: Error) => {
        result.failed++;
        result.tests.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration ?? 0,
          error: error?.stack ?? String(error),
        });
        save();
      });
    });
}
