// Validation of what the panel's webview sends: only known commands, positions inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePanelMessage } from '../../client/src/panel/messages';

const LINES = [10, 0, 25];
const parse = (message: unknown) => parsePanelMessage(message, LINES.length, (line) => LINES[line]);

test('known commands pass', () => {
  assert.deepEqual(parse({ command: 'reveal', line: 2, character: 4 }), { command: 'reveal', line: 2, character: 4 });
  assert.deepEqual(parse({ command: 'fixAll' }), { command: 'fixAll' });
  assert.deepEqual(parse({ command: 'export', extra: '<script>' }), { command: 'export' });
  assert.deepEqual(parse({ command: 'ready' }), { command: 'ready' });
});

test('a reveal must name an integer line of the document', () => {
  for (const line of [-1, 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined, {}, [1]]) {
    assert.equal(parse({ command: 'reveal', line, character: 0 }), null, `line ${String(line)}`);
  }
});

test('the character is clamped to the line, or the line start when it is bad', () => {
  assert.deepEqual(parse({ command: 'reveal', line: 0, character: 99 }), { command: 'reveal', line: 0, character: 10 });
  assert.deepEqual(parse({ command: 'reveal', line: 1, character: 5 }), { command: 'reveal', line: 1, character: 0 });
  for (const character of [-3, 2.5, '4', null, undefined]) {
    assert.deepEqual(parse({ command: 'reveal', line: 2, character }), { command: 'reveal', line: 2, character: 0 });
  }
});

test('anything else is refused', () => {
  for (const message of [
    null,
    undefined,
    'reveal',
    42,
    [],
    { command: 'openExternal', url: 'https://example.com' },
    { command: 'runCommand', id: 'workbench.action.terminal.new' },
    { command: 'REVEAL', line: 1 },
    { command: ['reveal'], line: 1 },
    { type: 'update' },
  ]) {
    assert.equal(parse(message), null, JSON.stringify(message));
  }
});
