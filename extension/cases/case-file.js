// What a case says about itself, for 12315 and the printable case file: built from the saved
// case (order, problem, demand, draft, and what the helper decided: goods, title, escalation)
// and a fresh advice for the same order (evidence names, remedies), so the shopper retypes
// nothing. Nothing here decides about the case; it only puts the helper's values into words.

import { t } from '../lib/i18n.js';
import { formatTime } from '../lib/format.js';
import { evidenceName, statusName } from '../lib/names.js';
import { nextStepName } from '../lib/next-step.js';

// The goods bought (no pseudo items), as the helper listed them for the case.
export function goods(c) {
  return c.goods || [];
}

export function caseTitle(c) {
  return c.title || c.order_id;
}

// The fields the 12315 form asks for, in its order.
export function fields12315(c, advice) {
  const order = c.order;
  const remedy = advice?.remedies?.find((r) => r.code === c.remedy) || advice?.remedies?.[0];
  const demand = [c.demand || remedy?.name, c.demand_amount ? `¥${c.demand_amount}` : (remedy?.amount ? `¥${remedy.amount}` : '')]
    .filter(Boolean).join(' ');
  const basis = remedy?.basis ? `（${t('basis')}：${remedy.basis}）` : '';
  return [
    ['respondent', `${order.shop?.name || ''}${t('respondentNote')}`],
    ['purchaseDate', formatTime(order.paid_at || order.created_at).slice(0, 10)],
    ['goodsName', goods(c).map((i) => i.title).join('；')],
    ['amount', order.total_paid ? `¥${order.total_paid}` : ''],
    ['orderId', order.order_id],
    ['request', `${demand}${basis}`],
    ['factsReasons', c.draft || c.problem],
  ].map(([key, value]) => ({ key, label: t(`f12315_${key}`), value }));
}

export function fieldsText(fields) {
  return fields.map((f) => `${f.label}：${f.value}`).join('\n');
}

// Names for the checklist: the advice's own list when we have it, else the ticked codes.
export function checklist(c, advice) {
  const items = advice?.evidence?.length
    ? advice.evidence
    : c.evidence_ticks.map((code) => ({ code, name: evidenceName(code), required: false }));
  return items.map((item) => ({ ...item, ticked: c.evidence_ticks.includes(item.code) }));
}

// Why the platform route is over or late, as the helper decided it (case.escalation.reasons),
// in the shopper's words.
const REASON_TEXTS = {
  closed: (p) => t('escReasonClosed', p.status_text || ''),
  refused: (p) => t('escReasonRefused', p.status_text || ''),
  overdue: (p) => t('escReasonOverdue', nextStepName(p.next_step, t), formatTime(p.due_at)),
  clock_passed: (p) => t('escReasonClock', p.name || p.clock || ''),
};

export function escalationReasons(c) {
  return (c.escalation?.reasons || [])
    .filter((r) => REASON_TEXTS[r.code])
    .map((r) => REASON_TEXTS[r.code](r.params || {}));
}

// One line of history in the shopper's words.
export function describeEvent(e) {
  const d = e.detail || {};
  if (e.type === 'synced' || e.type === 'status_changed') {
    return `${statusName(d.from)} → ${statusName(d.to)}${d.status_text ? `（${d.status_text}）` : ''}`;
  }
  if (e.type === 'form_prefilled') return t('eventFilledDetail', (d.filled || []).length);
  if (e.type === 'evidence_added') return d.file_name || d.code || '';
  return '';
}
