// Every message key the extension's code names literally exists in both locales: a missing key
// shows the shopper the raw key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { bundle, EXTENSION } from './fake-chrome.mjs';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(js|html)$/.test(name) ? [path] : [];
  });
}

const CALLS = [
  /\bt\(\s*'([A-Za-z0-9_]+)'/g,
  /\bmessage\(\s*'([A-Za-z0-9_]+)'/g,
  /\bgetMessage\(\s*'([A-Za-z0-9_]+)'/g,
  /data-i18n(?:-placeholder|-aria-label)?="([A-Za-z0-9_]+)"/g,
];

function usedKeys() {
  const keys = new Map();
  for (const path of sources(EXTENSION)) {
    const text = readFileSync(path, 'utf8');
    for (const pattern of CALLS) {
      for (const match of text.matchAll(pattern)) keys.set(match[1], path.slice(EXTENSION.length));
    }
  }
  return keys;
}

test('the code names message keys (the scan finds them)', () => {
  assert.ok(usedKeys().size > 50);
});

for (const locale of ['zh_CN', 'en']) {
  test(`every key the code uses is in ${locale}`, () => {
    const messages = bundle(locale);
    const missing = [...usedKeys()].filter(([key]) => !messages[key]).map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, []);
  });
}
