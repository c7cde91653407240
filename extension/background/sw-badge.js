// The toolbar badge: how many cases have a follow-up due. Computed from the helper's
// GET /cases/due by a periodic alarm. Alarms persist across worker restarts, and onInstalled
// and onStartup re-create it after an update or a browser restart; the last count is kept in
// chrome.storage so nothing depends on the worker staying alive.

import { callHelper } from './helper-client.js';
import { ensureMessages, message } from '../lib/messages.js';

export const DUE_ALARM = 'tousu-due-check';
const PERIOD_MINUTES = 30;

export async function refreshBadge() {
  let count;
  try {
    const due = await callHelper('GET', '/cases/due?limit=100', undefined, { timeoutMs: 5000 });
    count = due.total;
  } catch {
    // Helper stopped or not paired: keep the last known badge rather than hiding a reminder.
    return (await chrome.storage.local.get('dueCount')).dueCount ?? null;
  }
  await ensureMessages();
  await chrome.action.setBadgeBackgroundColor({ color: '#c5221f' });
  await chrome.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await chrome.action.setTitle({
    title: count > 0 ? message('badgeTitle', [count]) : message('actionTitle'),
  });
  await chrome.storage.local.set({ dueCount: count, dueCheckedAt: Date.now() });
  return count;
}

async function ensureAlarm() {
  if (!(await chrome.alarms.get(DUE_ALARM))) {
    await chrome.alarms.create(DUE_ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MINUTES });
  }
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DUE_ALARM) refreshBadge();
});
chrome.runtime.onInstalled.addListener(() => ensureAlarm().then(refreshBadge));
chrome.runtime.onStartup.addListener(() => ensureAlarm().then(refreshBadge));

export const badgeHandlers = {
  'badge/refresh': async () => ({ due: await refreshBadge() }),
};
