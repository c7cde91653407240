// Times the helper accepts: ISO 8601 with the +08:00 offset, whatever the computer's zone, so
// a case reads the same as the shop's own pages.

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function chinaIso(date = new Date()) {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

export function hoursFromNow(hours, now = new Date()) {
  return chinaIso(new Date(now.getTime() + hours * 3600 * 1000));
}

// Helper offsets count Unicode code points (Python); JavaScript strings index UTF-16 units.
export function utf16Offset(text, codePoints) {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= codePoints) break;
    units += ch.length;
    seen += 1;
  }
  return units;
}
