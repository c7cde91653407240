// Everything the service worker must remember lives in chrome.storage: Chrome stops idle
// workers, and module globals vanish with them.

export const DEFAULT_PORT = 47321;

export async function getSettings() {
  const { helperPort = DEFAULT_PORT, helperToken = null } =
    await chrome.storage.local.get(['helperPort', 'helperToken']);
  return { port: helperPort, token: helperToken };
}

export async function saveSettings(changes) {
  const update = {};
  if ('port' in changes) update.helperPort = changes.port;
  if ('token' in changes) update.helperToken = changes.token;
  await chrome.storage.local.set(update);
}
