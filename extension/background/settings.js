// Everything the service worker must remember lives in chrome.storage: Chrome stops idle
// workers, and module globals vanish with them.

export const DEFAULT_PORT = 47321;

const KEYS = ['helperPort', 'helperToken', 'helperTokenId', 'helperVia'];

export async function getSettings() {
  const {
    helperPort = DEFAULT_PORT,
    helperToken = null,
    helperTokenId = null,
    helperVia = null,
  } = await chrome.storage.local.get(KEYS);
  // via: how the token came, 'native' (the browser started the helper) or 'code' (typed).
  return { port: helperPort, token: helperToken, tokenId: helperTokenId, via: helperVia };
}

export async function saveSettings(changes) {
  const update = {};
  if ('port' in changes) update.helperPort = changes.port;
  if ('token' in changes) {
    update.helperToken = changes.token;
    // A new token invalidates the old handle and origin unless the caller names them.
    update.helperTokenId = changes.tokenId ?? null;
    update.helperVia = changes.token ? (changes.via ?? 'code') : null;
  }
  await chrome.storage.local.set(update);
}
