// chrome.i18n helpers for the screens: no shopper-visible string is hard-coded in HTML or JS.

import { ensureMessages, message } from './messages.js';

// Screens render synchronously after import: make sure the messages are there first (the
// service worker cannot await at top level, it calls ensureMessages() itself).
await ensureMessages();

// The helper sends some texts in both languages (a warning's message and message_en): a browser
// whose UI language is not Chinese shows the English one, as the _locales do.
export function uiIsEnglish() {
  return !chrome.i18n.getUILanguage().toLowerCase().startsWith('zh');
}

// The helper's text in the UI language: the English twin when the UI is English and the helper
// sent one, else the Chinese text.
export function inUiLanguage(zh, en) {
  return (uiIsEnglish() && en) || zh;
}

export function t(key, ...substitutions) {
  return message(key, substitutions);
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
