// The helper's two-language texts (a warning's message and message_en): the screens show the
// English twin when the browser's UI language is not Chinese, the Chinese text otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installChrome } from './fake-chrome.mjs';

installChrome('zh_CN');
const { inUiLanguage, uiIsEnglish } = await import('../../../extension/lib/i18n.js');

const WARNING = { message: '先不要点“确认收货”', message_en: "Do not click 'Confirm receipt' yet" };

test('an English browser shows the English text of a warning', () => {
  installChrome('en');
  assert.equal(uiIsEnglish(), true);
  assert.equal(inUiLanguage(WARNING.message, WARNING.message_en), WARNING.message_en);
});

test('a Chinese browser shows the Chinese text', () => {
  installChrome('zh_CN');
  assert.equal(uiIsEnglish(), false);
  assert.equal(inUiLanguage(WARNING.message, WARNING.message_en), WARNING.message);
});

test('advice stored before message_en existed still shows its Chinese text in English', () => {
  installChrome('en');
  assert.equal(inUiLanguage(WARNING.message, ''), WARNING.message);
  assert.equal(inUiLanguage(WARNING.message, undefined), WARNING.message);
});
