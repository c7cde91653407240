import assert from 'node:assert/strict';
import { test } from 'node:test';

import { chinaIso, hoursFromNow, utf16Offset } from '../../../extension/lib/time.js';

test('chinaIso writes China time with its offset, whatever the zone of the computer', () => {
  assert.equal(chinaIso(new Date('2026-11-20T01:30:00Z')), '2026-11-20T09:30:00+08:00');
  // Past midnight in China while it is still the day before in UTC.
  assert.equal(chinaIso(new Date('2026-11-20T17:00:00Z')), '2026-11-21T01:00:00+08:00');
});

test('hoursFromNow counts from the moment given', () => {
  assert.equal(hoursFromNow(48, new Date('2026-11-20T01:30:00Z')), '2026-11-22T09:30:00+08:00');
});

test('utf16Offset turns Python code-point offsets into JavaScript string offsets', () => {
  const text = 'a😀b收到';
  assert.equal(utf16Offset(text, 0), 0);
  assert.equal(utf16Offset(text, 2), 3); // the emoji is two UTF-16 units
  assert.equal(text.slice(utf16Offset(text, 3)), '收到');
  assert.equal(utf16Offset(text, 99), text.length);
});
