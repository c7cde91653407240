// What a case says about itself, for 12315 and the printable case file: built from the saved
// case (order, problem, demand, draft) and a fresh advice for the same order (evidence names,
// clocks), so the shopper retypes nothing.

import { t } from '../lib/i18n.js';
import { formatTime } from '../lib/format.js';
import { evidenceName, statusName } from '../lib/names.js';

export function goods(order) {
  return order.items.filter((i) => !i.pseudo);
}

export function caseTitle(c) {
  const first = goods(c.order)[0] || c.order.items[0];
  return first?.title || c.order_id;
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
    ['goodsName', goods(order).map((i) => i.title).join('；')],
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

// Why the platform route is over or late: the case view offers escalation for these.
export function escalationReasons(c, advice, now = Date.now()) {
  const reasons = [];
  if (c.status === 'closed') reasons.push(t('escReasonClosed', c.status_text || ''));
  if (/拒绝|不成立|关闭/.test(c.status_text || '') && c.status !== 'closed') {
    reasons.push(t('escReasonRefused', c.status_text));
  }
  if (c.due_at && Date.parse(c.due_at) < now && !['resolved', 'closed'].includes(c.status)) {
    reasons.push(t('escReasonOverdue', c.next_action || '', formatTime(c.due_at)));
  }
  for (const clock of advice?.clocks || []) {
    if (clock.state === 'passed' && c.status !== 'draft') reasons.push(t('escReasonClock', clock.name));
  }
  return reasons;
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
