// The message surface of the extension: one named handler per message type. Screens send
// {type, ...}; they get back {ok: true, data} or {ok: false, error: {code, message}}.

import { callHelper, helperStatus, HelperError } from './helper-client.js';
import { saveSettings, getSettings } from './settings.js';
import { applyFillPlan, isShopUrl, snapshotSettledTab, snapshotTab } from './tabs.js';
import { caseHandlers, syncFromReading } from './sw-cases.js';
import { evidenceHandlers } from './sw-evidence.js';
import { badgeHandlers } from './sw-badge.js';
import { panelHandlers, rememberFill } from './sw-panel.js';

const LIST_KINDS = new Set(['complaint_list', 'refund_list']);

const REDIRECT_PAGES = /\/(redirect\.jhtml|taobaoAfterDisputeRedirect\.htm)/;

function complaintUrl(order) {
  return order.links?.complaint
    || `https://rights.taobao.com/complaint/redirect.jhtml?bizId=${encodeURIComponent(order.order_id)}`;
}

function afterSalesUrl(order) {
  if (order.links?.after_sales) return order.links.after_sales;
  if (order.links?.refund) return order.links.refund;
  const sub = order.items?.find((i) => !i.pseudo)?.sub_order_id || order.order_id;
  const host = order.platform === 'tmall' ? 'refund2.tmall.com' : 'refund2.taobao.com';
  return `https://${host}/dispute/applyRouter.htm?bizOrderId=${encodeURIComponent(sub)}`;
}

const coreHandlers = {
  async 'page/read'({ tabId }) {
    const tab = await chrome.tabs.get(tabId);
    if (!tab.url || !isShopUrl(tab.url)) {
      return { kind: 'not_shop', url: tab.url || '', orders: [], warnings: [] };
    }
    const snapshot = await snapshotTab(tabId);
    const reading = await callHelper('POST', '/pages/read', snapshot);
    // Reading the complaint or refund list is how cases learn their platform status.
    if (LIST_KINDS.has(reading.kind)) reading.sync = await syncFromReading(reading);
    return reading;
  },

  async 'advice/get'({ order, problem, complaintType }) {
    const body = { order, problem };
    if (complaintType) body.type = complaintType;
    return callHelper('POST', '/advice', body);
  },

  async lint({ text }) {
    return callHelper('POST', '/lint', { text });
  },

  async 'form/fill'({ order, form, fill, caseId, idempotencyKey }) {
    const url = form === 'after_sales' ? afterSalesUrl(order) : complaintUrl(order);
    const tab = await chrome.tabs.create({ url, active: true });
    const page = await snapshotSettledTab(tab.id, { isReady: (snap) => !REDIRECT_PAGES.test(snap.url) });
    const case_ = {
      order_id: order.order_id,
      sub_order_ids: (order.items || []).map((i) => i.sub_order_id).filter(Boolean),
      ...fill,
    };
    const plan = await callHelper('POST', '/fill-plans', { page, case: case_ });
    const result = await applyFillPlan(tab.id, plan);
    await rememberFill(tab.id, { ...result, form, leftForShopper: plan.left_for_shopper, warnings: plan.warnings });
    if (caseId) {
      // The case remembers the fill; "filed" comes only when the platform's list shows it.
      await callHelper('POST', `/cases/${encodeURIComponent(caseId)}/events`, {
        type: 'form_prefilled',
        detail: { form, url: result.url || page.url, filled: result.filled, missing: result.missing },
      }, { idempotencyKey });
    }
    return { ...result, tabId: tab.id, leftForShopper: plan.left_for_shopper, warnings: plan.warnings };
  },

  async 'helper/status'({ port } = {}) {
    const settings = await getSettings();
    return { port: port ?? settings.port, ...(await helperStatus(port)) };
  },

  async 'helper/pair'({ code, port }) {
    const result = await callHelper('POST', '/pairing', { code }, { port, token: null });
    await saveSettings({ port, token: result.token });
    return { paired: true };
  },

  async 'helper/unpair'() {
    try {
      await callHelper('DELETE', '/pairing');
    } finally {
      await saveSettings({ token: null });
    }
    return { paired: false };
  },
};

const handlers = { ...coreHandlers, ...caseHandlers, ...evidenceHandlers, ...badgeHandlers, ...panelHandlers };

function toError(error) {
  if (error instanceof HelperError) return error.toJSON();
  return { code: 'extension_error', message: String(error?.message || error) };
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own pages may drive the worker; content scripts and web pages send nothing here.
  if (sender.id !== chrome.runtime.id || !sender.url?.startsWith(`chrome-extension://${chrome.runtime.id}/`)) {
    return false;
  }
  const handler = handlers[message?.type];
  if (!handler) {
    sendResponse({ ok: false, error: { code: 'unknown_message', message: String(message?.type) } });
    return false;
  }
  handler(message, sender)
    .then((data) => sendResponse({ ok: true, data }))
    .catch((error) => sendResponse({ ok: false, error: toError(error) }));
  return true; // we answer asynchronously
});
