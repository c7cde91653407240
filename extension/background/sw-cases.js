// Case handlers: the shopper's cases live in the helper's store; the worker only relays. The
// helper decides each case's next step, its reminder and whether it is finished.

import { callHelper } from './helper-client.js';
import { refreshBadge } from './sw-badge.js';

// The helper's CaseCreate/CasePatch fields the screens may send.
const CASE_FIELDS = ['order', 'problem', 'type', 'remedy', 'demand', 'demand_amount', 'draft',
  'evidence_ticks', 'next_action', 'next_code', 'deadline', 'due_at', 'notes', 'status', 'platform_case_id'];

function pick(fields) {
  const out = {};
  for (const name of CASE_FIELDS) if (fields[name] !== undefined) out[name] = fields[name];
  return out;
}

// The case the shopper is already keeping for this order, so saving twice updates it.
async function openCaseFor(orderId) {
  const { cases } = await callHelper('GET', `/cases?order_id=${encodeURIComponent(orderId)}&limit=20`);
  return cases.find((c) => !c.finished) || null;
}

export async function saveCase({ caseId, fields, idempotencyKey }) {
  const body = pick(fields);
  let id = caseId;
  if (!id && body.order) id = (await openCaseFor(body.order.order_id))?.id;
  let saved;
  if (id) {
    const patch = { ...body };
    delete patch.status; // a save never moves the lifecycle; sync and the case page do
    // Its own key: a resent click whose POST already landed finds that case and patches it.
    const key = idempotencyKey && `${idempotencyKey}:patch`;
    saved = await callHelper('PATCH', `/cases/${id}`, patch, { idempotencyKey: key });
  } else {
    saved = await callHelper('POST', '/cases', body, { idempotencyKey });
  }
  await refreshBadge();
  return saved;
}

export async function syncFromReading(reading) {
  if (!reading.cases?.length) return { changed: [], unchanged: [], unmatched: [], unrecognized: [] };
  const result = await callHelper('POST', '/cases/sync', { cases: reading.cases, kind: reading.kind });
  await refreshBadge();
  return result;
}

export const caseHandlers = {
  'case/save': saveCase,

  async 'case/list'() {
    return callHelper('GET', '/cases?limit=200');
  },

  async 'case/get'({ caseId }) {
    return callHelper('GET', `/cases/${encodeURIComponent(caseId)}`);
  },

  async 'case/update'({ caseId, patch, idempotencyKey }) {
    const saved = await callHelper('PATCH', `/cases/${encodeURIComponent(caseId)}`, patch, { idempotencyKey });
    await refreshBadge();
    return saved;
  },

  async 'case/event'({ caseId, event, idempotencyKey }) {
    return callHelper('POST', `/cases/${encodeURIComponent(caseId)}/events`, event, { idempotencyKey });
  },

  async 'case/delete'({ caseId, idempotencyKey }) {
    const result = await callHelper('DELETE', `/cases/${encodeURIComponent(caseId)}`, undefined, { idempotencyKey });
    await refreshBadge();
    return result;
  },
};
