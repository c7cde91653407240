// A stand-in for the chrome.* APIs the extension's pure modules touch: chrome.i18n answers from
// the real _locales bundle, so a test sees the very sentences the shopper sees.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXTENSION = fileURLToPath(new URL('../../../extension/', import.meta.url));

export function bundle(locale) {
  return JSON.parse(readFileSync(`${EXTENSION}_locales/${locale}/messages.json`, 'utf8'));
}

export function installChrome(locale = 'zh_CN') {
  const messages = bundle(locale);
  globalThis.chrome = {
    i18n: {
      getUILanguage: () => (locale === 'zh_CN' ? 'zh-CN' : 'en'),
      getMessage(key, subs = []) {
        const entry = messages[key];
        if (!entry) return '';
        return entry.message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
      },
    },
    runtime: { getURL: (path) => `chrome-extension://test/${path}` },
  };
  return messages;
}
