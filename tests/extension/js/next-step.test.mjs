import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { bundle, installChrome } from './fake-chrome.mjs';

installChrome('zh_CN');
const { NEXT_STEP_KEYS, nextStepName, nextStepText } = await import('../../../extension/lib/next-step.js');

test('every next-step code the helper sends has a sentence in both languages', () => {
  const source = readFileSync(new URL('../../../helper/tousu/models/case.py', import.meta.url), 'utf8');
  const literal = source.match(/NextCode = Literal\[([^\]]*)\]/)[1];
  const codes = [...literal.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...codes].sort(), Object.keys(NEXT_STEP_KEYS).sort());
  for (const locale of ['zh_CN', 'en']) {
    const messages = bundle(locale);
    for (const key of Object.values(NEXT_STEP_KEYS)) assert.ok(messages[key]?.message, `${locale}: ${key}`);
  }
});

test('a code is rendered in the current language, not stored as a sentence', () => {
  assert.equal(nextStepName('wait_seller'), '查看卖家是否已处理');
  const en = bundle('en');
  assert.equal(nextStepName('wait_seller', (key) => en[key].message), en.nextWaitSeller.message);
  assert.equal(nextStepName('not_a_code'), '');
});

test("the shopper's own note wins over the helper's step", () => {
  assert.equal(nextStepText({ next_action: '打电话给卖家', next_step: { code: 'file' } }), '打电话给卖家');
  assert.equal(nextStepText({ next_action: null, next_step: { code: 'submit_form' } }), '在已预填的表单中核对并提交');
  assert.equal(nextStepText({}), '');
});
