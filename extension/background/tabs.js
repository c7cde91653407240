// Tab plumbing for the service worker: snapshot a tab, open a tab and wait for it to load,
// apply a fill plan. The DOM work itself happens in content/*.js.

const SHOP_HOSTS = /(^|\.)(taobao\.com|tmall\.com|tmall\.hk)$/;

export function isShopUrl(url) {
  // A string only: new URL() would also take an object whose toString() lies.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof url !== 'string' || /[\u0000-\u0020\u007f]/.test(url)) return false;
  try {
    const { protocol, hostname, username, password, port } = new URL(url);
    return protocol === 'https:' && SHOP_HOSTS.test(hostname) && !username && !password && (port === '' || port === '443');
  } catch {
    return false;
  }
}

// Every tab the extension opens for a shop link goes through here: a link comes from a page the
// helper read, so it is checked again (https, a Taobao/Tmall host) before the browser opens it,
// even though the helper already refuses anything else.
export async function openShopTab(url, options = {}) {
  if (!isShopUrl(url)) throw new Error(`Refusing to open a link that is not a Taobao/Tmall page: ${url}`);
  return chrome.tabs.create({ ...options, url });
}

export async function snapshotTab(tabId) {
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId },
    files: ['content/snapshot.js'],
  });
  if (!injection || !injection.result) throw new Error('The page could not be read.');
  return injection.result;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The complaint entry is a redirect chain (redirect.jhtml -> applyRouter.htm -> form), and a tab
// can report "complete" on an intermediate page. Snapshot once the tab has settled on a page
// that can be read, retrying while it is still moving.
export async function snapshotSettledTab(tabId, { timeoutMs = 30000, isReady = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = new Error('The form page did not finish loading.');
  while (Date.now() < deadline) {
    const tab = await chrome.tabs.get(tabId);
    if (tab.status === 'complete') {
      try {
        const snapshot = await snapshotTab(tabId);
        if (isReady(snapshot)) return snapshot;
      } catch (error) {
        lastError = error;
      }
    }
    await sleep(250);
  }
  throw lastError;
}

// One module per widget kind, then the runner; each file only defines functions.
const FILL_FILES = ['content/fill-dom.js', 'content/fill-text.js', 'content/fill-select.js',
  'content/fill-choice.js', 'content/fill-file.js', 'content/fill.js'];

// Every frame's snapshot, the top frame first: a form may sit in a same-origin iframe.
export async function snapshotFrames(tabId) {
  let injections;
  try {
    injections = await chrome.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: ['content/snapshot.js'],
    });
  } catch {
    // A frame we may not script (an ad, a captcha host): read the top frame alone.
    return [{ frameId: 0, snapshot: await snapshotTab(tabId) }];
  }
  return injections
    .filter((i) => i.result)
    .sort((a, b) => (a.frameId === 0 ? -1 : b.frameId === 0 ? 1 : 0))
    .map((i) => ({ frameId: i.frameId, snapshot: i.result }));
}

export async function applyFillPlan(tabId, plan, context = {}, frameId = 0) {
  const target = { tabId, frameIds: [frameId] };
  await chrome.scripting.executeScript({ target, files: FILL_FILES });
  const [injection] = await chrome.scripting.executeScript({
    target,
    func: (p, c) => globalThis.tousuFill(p, c),
    args: [plan, context],
  });
  return injection?.result ?? { results: [], replan: false, url: '' };
}

export async function checkFill(tabId, steps, frameId = 0) {
  if (!steps.length) return [];
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (s) => globalThis.tousuFillCheck(s),
    args: [steps],
  });
  return injection?.result ?? [];
}
