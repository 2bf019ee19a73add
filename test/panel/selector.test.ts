// Which documents start the language server: reports do, an ordinary .txt never does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isReadOnly, wantsServer } from '../../client/src/selector';

const fixture = readFileSync(path.resolve(__dirname, '../data/fixtures/2023-cixi-city-office.txt'), 'utf8');
const doc = (languageId: string, text: string, scheme = 'file') => ({ languageId, uri: { scheme }, getText: () => text });

test('a plain-text report starts the server; an ordinary text file does not', () => {
  assert.equal(wantsServer(doc('plaintext', fixture), 'auto'), true);
  assert.equal(wantsServer(doc('plaintext', '购物清单\n苹果\n牛奶\n'), 'auto'), false);
  assert.equal(wantsServer(doc('markdown', '# 某某镇2023年政务公开工作年度报告\n'), 'auto'), true);
  assert.equal(wantsServer(doc('plaintext', '某某縣2023年政府資訊公開工作年度報告\n'), 'auto'), true);
});

test('nianbao.detect: always and never override the title check; the nianbao language always counts', () => {
  assert.equal(wantsServer(doc('plaintext', '购物清单\n'), 'always'), true);
  assert.equal(wantsServer(doc('plaintext', fixture), 'never'), false);
  assert.equal(wantsServer(doc('nianbao', '草稿\n'), 'never'), true);
});

test('other languages and schemes never start it', () => {
  assert.equal(wantsServer(doc('json', fixture), 'always'), false);
  assert.equal(wantsServer(doc('plaintext', fixture, 'git'), 'auto'), false);
});

test('the read-only text of a Word, PDF or web page is checked like a report, and marked read-only', () => {
  assert.equal(wantsServer(doc('plaintext', fixture, 'nianbao-extract'), 'auto'), true);
  assert.equal(isReadOnly({ uri: { scheme: 'nianbao-extract' } }), true);
  assert.equal(isReadOnly({ uri: { scheme: 'file' } }), false);
});
