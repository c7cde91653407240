// The side panel's side of the worker: the toolbar button opens the panel where Chrome has one
// (the popup stays for browsers without side panels), the helper's symptom chips, and the last
// fill of a tab, which the panel shows next to the form it filled.

import { callHelper } from './helper-client.js';

// Keyed per tab in storage.session, the same key engineer "fillengine"'s sw-fill.js writes.
export const fillResultKey = (tabId) => `fillResult:${tabId}`;

export async function rememberFill(tabId, result) {
  await chrome.storage.session.set({ [fillResultKey(tabId)]: { ...result, tabId, at: new Date().toISOString() } });
}

export const panelHandlers = {
  async 'advice/symptoms'() {
    return callHelper('GET', '/advice/symptoms');
  },

  async 'fill/result'({ tabId }) {
    const key = fillResultKey(tabId);
    return (await chrome.storage.session.get(key))[key] ?? null;
  },
};

async function preferPanel() {
  if (!chrome.sidePanel?.setPanelBehavior) return;
  await chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  // With a popup set, the click would open the popup instead of the panel.
  await chrome.action.setPopup({ popup: '' });
}

chrome.runtime.onInstalled.addListener(() => preferPanel().catch(() => {}));
chrome.runtime.onStartup.addListener(() => preferPanel().catch(() => {}));
