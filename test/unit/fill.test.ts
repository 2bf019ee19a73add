// fillTemplate (core/text/fill.ts) fills message placeholders exactly as the regex it replaced did:
// `{name}` (letters, digits, _) with `name` among the arguments, everything else as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fillTemplate } from '../../server/src/core/text/fill';

const byRegex = (template: string, args: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));

test('fills the placeholders that have arguments and leaves the rest', () => {
  const args = { label: '（一）予以公开 · 总计', expected: 12, parts: '自然人 1 + 商业企业 2' };
  assert.equal(fillTemplate('{label} 应为 {expected}（{parts}），实为 {actual}', args), '（一）予以公开 · 总计 应为 12（自然人 1 + 商业企业 2），实为 {actual}');
  assert.equal(fillTemplate('no placeholder', args), 'no placeholder');
  assert.equal(fillTemplate('{{label}} {} {label {x-y} }{label}', args), '{（一）予以公开 · 总计} {} {label {x-y} }（一）予以公开 · 总计');
  // An argument's own braces are not filled again.
  assert.equal(fillTemplate('{a}{b}', { a: '{b}', b: 'B' }), '{b}B');
});

test('agrees with the regex on any template and arguments', () => {
  const piece = fc.oneof(fc.constantFrom('{', '}', 'a', 'b', '_', '1', '应为', ' ', '{a}', '{b}', '{ab}', '{c}', '{a', 'b}', '{}', '{a-b}'), fc.string({ maxLength: 3 }));
  const template = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
  const args = fc.dictionary(fc.constantFrom('a', 'b', 'ab', '_', '1', 'constructor'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()));
  fc.assert(fc.property(template, args, (t, a) => fillTemplate(t, a) === byRegex(t, a)), { numRuns: 2000, seed: 7 });
});
