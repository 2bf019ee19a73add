// The client's own words (issue 15, items 1 and 7): Chinese unless nianbao.locale says English, and
// what "修复全部" reports having fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAllMessage, messages, resolveLocale } from '../../client/src/i18n';

test('nianbao.locale: zh-cn by default, whatever VS Code speaks; en; auto follows VS Code', () => {
  for (const displayLanguage of ['en', 'en-US', 'zh-cn', 'ja', 'de']) {
    assert.equal(resolveLocale('zh-cn', displayLanguage), 'zh-cn', displayLanguage);
    assert.equal(resolveLocale(undefined, displayLanguage), 'zh-cn', `no setting, ${displayLanguage}`);
    assert.equal(resolveLocale('fr', displayLanguage), 'zh-cn', `a value VS Code would not allow, ${displayLanguage}`);
    assert.equal(resolveLocale('en', displayLanguage), 'en', displayLanguage);
  }
  assert.equal(resolveLocale('auto', 'en'), 'en');
  assert.equal(resolveLocale('auto', 'en-GB'), 'en');
  assert.equal(resolveLocale('auto', 'zh-tw'), 'zh-cn');
  assert.equal(resolveLocale('auto', 'ja'), 'zh-cn');
});

test('修复全部 says how many findings of each rule it fixed', () => {
  const fixed = [
    { rule: 'year-mismatch', count: 3 },
    { rule: 'section-numbering', count: 2 },
  ];
  const zh = messages('zh-cn');
  assert.equal(fixAllMessage(zh, { applied: true, fixed }), '年报：已修复 5 处（year-mismatch 3 处，section-numbering 2 处）。');
  assert.equal(fixAllMessage(messages('en'), { applied: true, fixed }), 'Nianbao: 5 fixed (year-mismatch 3, section-numbering 2).');
  assert.equal(fixAllMessage(zh, { applied: true, fixed: [{ rule: 'row-label', count: 1 }] }), '年报：已修复 1 处（row-label 1 处）。');
  assert.equal(fixAllMessage(zh, { applied: false, fixed: [] }), '年报：没有可自动修复的问题。');
  assert.equal(fixAllMessage(messages('en'), { applied: false, fixed: [] }), 'Nianbao: nothing can be fixed automatically.');
  // The editor refused the edit, or the document changed under the request: it says so, not "fixed".
  assert.equal(fixAllMessage(zh, { applied: false, fixed }), zh.fixAllNotApplied);
  assert.equal(fixAllMessage(zh, null), zh.fixAllNotApplied);
});

test('every client string exists in both languages, and the Chinese ones are Chinese', () => {
  const zh = messages('zh-cn');
  const en = messages('en');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [key, value] of Object.entries(zh)) {
    if (key === 'fixAllSeparator' || key === 'fixAllRule') continue;
    assert.match(value, /[\u4e00-\u9fff]/, key);
  }
});
