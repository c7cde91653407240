// The message surface of the extension: one named handler per message type. Screens send
// {type, ...}; they get back {ok: true, data} or {ok: false, error: {code, message}}.

import { callHelper, helperStatus, HelperError } from './helper-client.js';
import { saveSettings, getSettings } from './settings.js';
import { isShopUrl, snapshotTab } from './tabs.js';
import { caseHandlers, syncFromReading } from './sw-cases.js';
import { evidenceHandlers } from './sw-evidence.js';
import { badgeHandlers } from './sw-badge.js';
import { fillHandlers } from './sw-fill.js';
import { panelHandlers } from './sw-panel.js';

const LIST_KINDS = new Set(['complaint_list', 'refund_list']);

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

  async 'advice/get'({ order, problem, complaintType, affectedItems }) {
    const body = { order, problem };
    if (complaintType) body.type = complaintType;
    if (affectedItems?.length) body.affected_items = affectedItems;
    return callHelper('POST', '/advice', body);
  },

  async lint({ text, order, complaintType, affectedItems }) {
    // With the order the helper judges a demand against what its remedies compute.
    const body = { text };
    if (order) body.order = order;
    if (complaintType) body.type = complaintType;
    if (order && affectedItems?.length) body.affected_items = affectedItems;
    return callHelper('POST', '/lint', body);
  },

  async 'helper/status'({ port } = {}) {
    const settings = await getSettings();
    return { port: port ?? settings.port, ...(await helperStatus(port)) };
  },

  async 'helper/pair'({ code, port }) {
    const result = await callHelper('POST', '/pairing', { code }, { port, token: null });
    await saveSettings({ port, token: result.token, tokenId: result.token_id, via: 'code' });
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

// The fill's own `fill/result` wins over the panel's reader of the same stored result.
const handlers = {
  ...coreHandlers, ...caseHandlers, ...evidenceHandlers, ...badgeHandlers, ...panelHandlers, ...fillHandlers,
};

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
