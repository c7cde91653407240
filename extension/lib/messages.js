// Message lookup shared by the screens and the service worker. Chromium sometimes hands a fresh
// extension context an empty message bundle (every getMessage returns ""), seen intermittently
// on loaded machines; then the same messages.json is read directly, so the shopper never sees
// raw keys and nothing stores an empty text.

let bundled = null;

export async function ensureMessages() {
  if (bundled || chrome.i18n.getMessage('appTitle')) return;
  const locale = chrome.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
  try {
    bundled = await (await fetch(chrome.runtime.getURL(`_locales/${locale}/messages.json`))).json();
  } catch {
    bundled = {};
  }
}

export function message(key, substitutions = []) {
  const subs = substitutions.map(String);
  const text = chrome.i18n.getMessage(key, subs);
  if (text) return text;
  const entry = bundled?.[key];
  if (entry) return entry.message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
  return key;
}
