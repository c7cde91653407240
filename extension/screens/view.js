// The screens' working state. The popup is torn down whenever it closes, so everything worth
// keeping (chosen order, advice, draft, ticks, case id) is mirrored in chrome.storage: the popup
// keeps it per tab in storage.session; the side panel per order in storage.local (useStore), so
// it survives the worker and the browser restarting.

export const view = { reading: null, order: null, advice: null, tabId: null, caseId: null, ticks: [] };

let store = { area: 'session', key: () => `popup:${view.tabId}` };

export function useStore(area, key) {
  store = { area, key };
}

export async function saveState(changes) {
  const key = store.key();
  if (!key) return;
  const area = chrome.storage[store.area];
  const current = (await area.get(key))[key] || {};
  await area.set({ [key]: { ...current, ...changes } });
}

export async function loadState() {
  const key = store.key();
  if (!key) return {};
  return (await chrome.storage[store.area].get(key))[key] || {};
}

export function showOnly(...ids) {
  for (const id of ['state', 'orders', 'order', 'problem', 'advice']) {
    document.getElementById(id).hidden = !ids.includes(id);
  }
  // What the reader could not read belongs with the orders it concerns, not with a state.
  const notes = document.getElementById('reading-notes');
  notes.hidden = ids.includes('state') || notes.childElementCount === 0;
}

export function openCasesPage(caseId) {
  const hash = caseId ? `#case=${caseId}` : '';
  chrome.tabs.create({ url: chrome.runtime.getURL(`cases/cases.html${hash}`) });
}
