// chrome.i18n helpers for the screens: no shopper-visible string is hard-coded in HTML or JS.

// Chromium sometimes hands a freshly opened extension page an empty message bundle (every
// getMessage returns ""), seen intermittently on loaded machines. The page then reads the same
// messages.json itself, so the shopper never sees raw keys.
let bundled = null;
if (!chrome.i18n.getMessage('appTitle')) {
  const locale = chrome.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
  try {
    bundled = await (await fetch(chrome.runtime.getURL(`_locales/${locale}/messages.json`))).json();
  } catch {
    bundled = {};
  }
}

export function t(key, ...substitutions) {
  const subs = substitutions.map(String);
  const text = chrome.i18n.getMessage(key, subs);
  if (text) return text;
  const entry = bundled?.[key];
  if (entry) return entry.message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
  return key;
}

export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  document.documentElement.lang = chrome.i18n.getUILanguage();
}

export async function send(message) {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply) throw Object.assign(new Error('No reply from the extension.'), { code: 'no_reply' });
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.data;
}
