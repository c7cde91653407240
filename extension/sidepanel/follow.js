// Which shop tab the panel is beside. The panel is not a tab of its own in Chrome, but it can
// be opened as one (tests, a shopper's bookmark): either way the tab it follows is the active
// tab of the window last focused, never an extension page; failing that, the web tab used last.

const OWN_PAGES = `chrome-extension://${chrome.runtime.id}/`;
const isOwn = (tab) => !tab?.url || tab.url.startsWith(OWN_PAGES);

export async function currentShopTab() {
  const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (active && !isOwn(active)) return active;
  const tabs = (await chrome.tabs.query({})).filter((t) => !isOwn(t) && /^https?:/.test(t.url));
  tabs.sort((a, b) => (b.lastAccessed || 0) - (a.lastAccessed || 0));
  return tabs[0] || null;
}

// Calls `onChange(tab)` whenever the tab the panel follows may have changed: another tab
// activated, or the followed tab finished loading a page.
export function followTabs(onChange) {
  let followed = null;
  let timer = null;
  const check = () => {
    clearTimeout(timer);
    // Redirect chains fire several events in a row; one look after they settle is enough.
    timer = setTimeout(async () => {
      const tab = await currentShopTab();
      if (tab && (tab.id !== followed?.id || tab.url !== followed?.url)) {
        followed = tab;
        onChange(tab);
      }
    }, 150);
  };
  chrome.tabs.onActivated.addListener(check);
  chrome.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'complete' || info.url) check();
  });
  chrome.windows?.onFocusChanged?.addListener(check);
  return {
    set(tab) { followed = tab; },
    get tab() { return followed; },
  };
}
