import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installChrome } from './fake-chrome.mjs';

installChrome('zh_CN');
const caseFile = await import('../../../extension/cases/case-file.js');

const CASE = {
  order_id: '3851234567890123456',
  title: '陶瓷马克杯',
  goods: [{ title: '陶瓷马克杯' }, { title: '杯垫' }],
  order: {
    order_id: '3851234567890123456',
    shop: { name: '某某小店' },
    paid_at: '2026-11-01T10:00:00+08:00',
    total_paid: '47.40',
    items: [{ title: '运费险', pseudo: true }, { title: '陶瓷马克杯' }, { title: '杯垫' }],
  },
  problem: '杯子收到时有裂纹。',
  draft: null,
  demand: '退货退款',
  demand_amount: '47.40',
  evidence_ticks: ['order_detail'],
  status: 'filed',
  escalation: {
    offered: true,
    reasons: [
      { code: 'overdue', params: { next_step: 'wait_seller', due_at: '2026-11-03T10:00:00+08:00' } },
      { code: 'clock_passed', params: { clock: 'seven_day_return', name: '七天无理由退货' } },
      { code: 'a_reason_from_a_newer_helper', params: {} },
    ],
  },
};

test('the title and goods are the helper\'s (pseudo items already left out)', () => {
  assert.equal(caseFile.caseTitle(CASE), '陶瓷马克杯');
  assert.equal(caseFile.caseTitle({ order_id: '1' }), '1');
  assert.deepEqual(caseFile.goods(CASE).map((g) => g.title), ['陶瓷马克杯', '杯垫']);
});

test('escalation reasons are the helper\'s codes put into words', () => {
  assert.deepEqual(caseFile.escalationReasons(CASE), [
    '「查看卖家是否已处理」已过截止时间（2026-11-03 10:00）。',
    '时限「七天无理由退货」已过。',
  ]);
  assert.deepEqual(caseFile.escalationReasons({}), []);
});

test('the 12315 fields come in the form\'s order with the saved facts', () => {
  const fields = caseFile.fields12315(CASE, null);
  assert.deepEqual(fields.map((f) => f.key),
    ['respondent', 'purchaseDate', 'goodsName', 'amount', 'orderId', 'request', 'factsReasons']);
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  assert.equal(byKey.goodsName, '陶瓷马克杯；杯垫');
  assert.equal(byKey.purchaseDate, '2026-11-01');
  assert.equal(byKey.request, '退货退款 ¥47.40');
  assert.equal(byKey.factsReasons, CASE.problem);
  assert.match(caseFile.fieldsText(fields), /^被投诉方：某某小店/);
});

test('the checklist ticks what the case ticked', () => {
  const items = caseFile.checklist(CASE, { evidence: [{ code: 'order_detail', name: '订单详情', required: true },
    { code: 'chat_records', name: '聊天记录', required: false }] });
  assert.deepEqual(items.map((i) => [i.code, i.ticked]), [['order_detail', true], ['chat_records', false]]);
});
