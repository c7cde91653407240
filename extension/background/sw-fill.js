// 预填: open the form (after-sales once per chosen sub-order, the complaint once), ask the helper
// for a plan, let the content scripts apply it, and ask again after each step that re-rendered
// the form. The result is kept per tab in chrome.storage.session (`fill/result`) so the popup and
// the side panel show the same thing; the case records what was filled and which files went in.

import { callHelper, HelperError } from './helper-client.js';
import { applyFillPlan, checkFill, snapshotFrames, snapshotSettledTab } from './tabs.js';
import { bytesOf, haveBytes } from './evidence-bytes.js';

const REDIRECT_PAGES = /\/(redirect\.jhtml|taobaoAfterDisputeRedirect\.htm)/;
const MAX_ROUNDS = 10;
const RECHECKED = new Set(['text', 'textarea', 'native_select', 'custom_select']);
const LATE_FORM_MS = 10000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const resultKey = (tabId) => `fillResult:${tabId}`;

// The pages to open, as the helper decides them (Tousu builds no form URL itself): the complaint
// once, after-sales once per chosen goods line.
async function formTargets(order, form, items) {
  const body = { order, form, affected_items: items };
  const { targets } = await callHelper('POST', '/fill-targets', body);
  return targets;
}

// The case's files, marked with whether this extension holds their bytes.
async function attachmentsOf(caseId) {
  if (!caseId) return [];
  const { evidence = [] } = await callHelper('GET', `/cases/${encodeURIComponent(caseId)}/evidence`);
  const out = [];
  for (const e of evidence) {
    out.push({
      sha256: e.sha256, file_name: e.file_name, media_type: e.media_type, code: e.code,
      evidence_id: e.id, size: e.size ?? null, available: await haveBytes(e.sha256),
    });
  }
  return out;
}

// A late-loading form reads as "no form yet", or as a page whose few controls take nothing of
// the plan: keep asking until it is there. The form may be in the top frame (as on the real
// site) or in a frame of the page.
async function planFor(tabId, body) {
  const deadline = Date.now() + LATE_FORM_MS;
  for (;;) {
    let notAForm = null;
    let idle = null;
    for (const { frameId, snapshot } of await snapshotFrames(tabId)) {
      try {
        const plan = await callHelper('POST', '/fill-plans', { ...body, page: snapshot });
        if (plan.steps.length || Date.now() > deadline) return { frameId, plan };
        idle = idle || { frameId, plan };
      } catch (error) {
        // A verification or login page in place of the form stops at once: nothing is touched.
        if (!(error instanceof HelperError) || error.code !== 'not_a_form') throw error;
        notAForm = error;
      }
    }
    if (Date.now() > deadline) {
      if (idle) return idle;
      throw notAForm || new HelperError('not_a_form', 'No form on this page.');
    }
    await sleep(500);
  }
}

async function filesFor(plan, done) {
  const files = {};
  for (const step of plan.steps) {
    if (step.control !== 'file') continue;
    for (const f of step.files) {
      if (done.has(f.sha256)) continue;
      const kept = await bytesOf(f.sha256);
      if (kept) files[f.sha256] = kept.base64;
    }
  }
  return files;
}

export async function fillTab(tabId, { form, body }) {
  const done = new Set();
  const fields = [];
  let plan = null;
  let frameId = 0;
  let url = '';
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    ({ plan, frameId } = await planFor(tabId, body));
    const context = { done: [...done], files: await filesFor(plan, done) };
    const out = await applyFillPlan(tabId, plan, context, frameId);
    url = out.url || url;
    for (const r of out.results) {
      done.add(r.key);
      fields.push(r);
    }
    if (!out.replan) break;
  }
  // A late cascade may have replaced a field after it was verified: check them all once more,
  // with the locators of the last plan (they describe the DOM as it is now).
  const checked = fields
    .filter((f) => f.status === 'filled_verified' && RECHECKED.has(f.widget))
    .map((f) => ({ field: f, step: plan.steps.find((s) => s.label === f.label && s.locator?.widget === f.widget) }))
    .filter((c) => c.step);
  const still = await checkFill(tabId, checked.map((c) => ({ ...c.step, value: c.field.value, shown: c.field.shown })), frameId);
  checked.forEach((c, i) => {
    if (still[i] === false) Object.assign(c.field, { status: 'filled_unconfirmed', reason: 'not_verified' });
  });
  const left = [...plan.left];
  for (const f of fields) {
    if (f.status === 'left_for_shopper' && !left.some((l) => l.label === f.label)) {
      left.push({ label: f.label, reason: f.reason || 'not_found' });
    }
  }
  return {
    tabId, form, url, at: new Date().toISOString(), orderId: plan.order_id,
    fields,
    filled: fields.filter((f) => f.status !== 'left_for_shopper').map((f) => f.label),
    verified: fields.filter((f) => f.status === 'filled_verified').map((f) => f.label),
    missing: fields.filter((f) => f.status === 'left_for_shopper').map((f) => f.label),
    left,
    leftForShopper: left.map((l) => l.label),
    warnings: plan.warnings,
    files: fields.flatMap((f) => f.files || []),
  };
}

async function record(caseId, result, idempotencyKey) {
  const path = `/cases/${encodeURIComponent(caseId)}/events`;
  // The case remembers the fill; "filed" comes only when the platform's list shows it.
  await callHelper('POST', path, {
    type: 'form_prefilled',
    detail: {
      form: result.form, url: result.url, filled: result.filled, missing: result.missing,
      verified: result.verified, left: result.left.slice(0, 30),
    },
  }, { idempotencyKey: idempotencyKey && `${idempotencyKey}:${result.tabId}` });
  const sent = result.files.filter((f) => f.status !== 'left_for_shopper');
  if (!sent.length) return;
  await callHelper('POST', path, {
    type: 'evidence_attached',
    detail: {
      form: result.form, url: result.url,
      files: result.files.map((f) => ({ sha256: f.sha256, file_name: f.file_name, code: f.code, status: f.status })),
    },
  }, { idempotencyKey: idempotencyKey && `${idempotencyKey}:${result.tabId}:files` });
}

// With `tabId`, the form already open in that tab is filled (申请淘宝介入 is reached from the
// refund's detail page, not from a URL Tousu can build).
export async function fillForm({ order, form, fill, affectedItems = [], caseId, idempotencyKey, tabId }) {
  const items = (affectedItems || []).filter((i) => i?.sub_order_id);
  const titles = Object.fromEntries((order.items || []).filter((i) => i.sub_order_id).map((i) => [i.sub_order_id, i.title]));
  const case_ = {
    order_id: order.order_id,
    sub_order_ids: (order.items || []).map((i) => i.sub_order_id).filter(Boolean),
    ...fill,
    item_titles: titles,
    attachments: await attachmentsOf(caseId),
  };
  const body = { case: case_, affected_items: items };
  const targets = tabId != null ? [{ url: null, sub_order_id: null }] : await formTargets(order, form, items);
  const results = [];
  for (const { url, sub_order_id: sub } of targets) {
    const tab = url ? await chrome.tabs.create({ url, active: true }) : await chrome.tabs.get(tabId);
    await snapshotSettledTab(tab.id, { isReady: (snap) => !REDIRECT_PAGES.test(snap.url) });
    const itemsHere = sub ? items.filter((i) => i.sub_order_id === sub) : items;
    const result = await fillTab(tab.id, { form, body: { ...body, affected_items: itemsHere } });
    await chrome.storage.session.set({ [resultKey(tab.id)]: result });
    if (caseId) await record(caseId, result, idempotencyKey);
    results.push(result);
  }
  return { ...results[0], tabs: results };
}

export const fillHandlers = {
  'form/fill': fillForm,

  // The last fill of a tab (the popup and the side panel show it).
  async 'fill/result'({ tabId }) {
    const key = resultKey(tabId);
    return (await chrome.storage.session.get(key))[key] ?? null;
  },
};
