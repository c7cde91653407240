// The popup's working state. The popup is torn down whenever it closes, so everything worth
// keeping (chosen order, advice, draft, ticks, case id) is mirrored in chrome.storage.session,
// keyed by the tab the popup reads.

export const view = { reading: null, order: null, advice: null, tabId: null, caseId: null, ticks: [] };

function stateKey() {
  return `popup:${view.tabId}`;
}

export async function saveState(changes) {
  const key = stateKey();
  const current = (await chrome.storage.session.get(key))[key] || {};
  await chrome.storage.session.set({ [key]: { ...current, ...changes } });
}

export async function loadState() {
  const key = stateKey();
  return (await chrome.storage.session.get(key))[key] || {};
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
