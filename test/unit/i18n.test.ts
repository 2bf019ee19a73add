// server/src/shared/i18n.ts: the one lookup, filling and language choice of the command line, the
// language server and the extension.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, inLocale, localeOf, resolveLocale, translator } from '../../server/src/shared/i18n';
import { t as cliT } from '../../server/src/cli/messages';
import { t as lspT } from '../../server/src/lsp/messages';
import { messages } from '../../client/src/i18n';

const CATALOG = {
  greet: { 'zh-cn': '你好，{name}（{count} 份）', en: 'Hello, {name} ({count})' },
} as const;

describe('shared i18n', () => {
  test('nianbao.locale decides: Chinese unless it says English; auto follows the display language', () => {
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.equal(resolveLocale('zh-cn', 'en-US'), 'zh-cn', 'an English VS Code does not make a Chinese setting English');
    assert.equal(resolveLocale('auto', 'en-US'), 'en');
    assert.equal(resolveLocale('auto', 'de'), 'zh-cn');
    assert.equal(resolveLocale(undefined, 'en'), 'zh-cn');
    assert.equal(resolveLocale('EN_us'), 'en');
    assert.equal(resolveLocale(42, 'en'), 'zh-cn');
  });

  test('--locale and NIANBAO_LOCALE spellings', () => {
    assert.equal(localeOf('en-US'), 'en');
    assert.equal(localeOf('zh_CN'), 'zh-cn');
    assert.equal(localeOf('ZH'), 'zh-cn');
    assert.equal(localeOf('fr'), undefined);
    assert.equal(localeOf(''), undefined);
  });

  test('lookup and filling: placeholders filled, unknown ones kept as written', () => {
    const t = translator(CATALOG);
    assert.equal(t('zh-cn', 'greet', { name: '小曹娥镇', count: 2 }), '你好，小曹娥镇（2 份）');
    assert.equal(t('en', 'greet', { name: 'Xiaocaoe' }), 'Hello, Xiaocaoe ({count})');
    assert.deepEqual(inLocale(CATALOG, 'en'), { greet: 'Hello, {name} ({count})' });
    assert.equal(fill('{a}{b}{', { a: 1 }), '1{b}{');
  });

  test('the three catalogs read through it, in both languages', () => {
    assert.match(cliT('zh-cn', 'progress', { done: 3, total: 10 }), /^3\/10 个文件$/);
    assert.equal(cliT('en', 'progress', { done: 3, total: 10 }), '3/10 files');
    assert.match(lspT('en', 'fixAll', { count: 4 }), /\(4\)/);
    assert.match(lspT('zh-cn', 'fixAll', { count: 4 }), /4 处/);
    assert.equal(messages('en').statusOk, 'Nianbao ✓');
    assert.equal(messages('zh-cn').statusOk, '年报 ✓');
  });
});
