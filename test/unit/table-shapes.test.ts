// Data-driven tests of the table reader: every input in test/data/table-shapes/ (one table shape or
// one way a table goes wrong per file) and every report of the in-repo corpus must yield exactly the
// model written in the snapshot beside it (`NAME.expect`: edition, rows with their cells, missing
// rows, column labels, and the findings of the table rules). A new shape is a new input file:
//
//   UPDATE_EXPECT=1 node --import tsx --test test/unit/table-shapes.test.ts
//
// writes the snapshots of every input (review the diff: a snapshot is what the reader must do).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core';
import { renderTableModel } from '../support/table-model';

const SHAPES = path.resolve(__dirname, '../data/table-shapes');
const CORPUS = path.resolve(__dirname, '../data/corpus');
const UPDATE = !!process.env.UPDATE_EXPECT;

/** Inputs and where their snapshots live: the shapes beside themselves, the corpus reports in shapes/corpus/. */
const cases: { name: string; input: string; snapshot: string }[] = [
  ...readdirSync(SHAPES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, input: path.join(SHAPES, f), snapshot: path.join(SHAPES, f.replace(/\.txt$/, '.expect')) })),
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `corpus/${f}`, input: path.join(CORPUS, f), snapshot: path.join(SHAPES, 'corpus', f.replace(/\.txt$/, '.expect')) })),
];

test('there are table shapes to test', () => {
  assert.ok(cases.filter((c) => !c.name.startsWith('corpus/')).length >= 10);
  assert.ok(cases.some((c) => c.name.startsWith('corpus/')));
});

for (const c of cases) {
  test(`table model: ${c.name}`, () => {
    const actual = renderTableModel(check(readFileSync(c.input, 'utf8')));
    if (UPDATE) {
      writeFileSync(c.snapshot, actual);
      return;
    }
    assert.ok(existsSync(c.snapshot), `no snapshot for ${c.name}: run UPDATE_EXPECT=1 node --import tsx --test test/unit/table-shapes.test.ts`);
    assert.equal(actual, readFileSync(c.snapshot, 'utf8'));
  });
}
