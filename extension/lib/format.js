// Formatting shared by the screens. Times arrive as ISO 8601 with +08:00 and are shown as the
// shop shows them (China time), whatever the computer's own time zone.

import { t } from './i18n.js';

export function formatTime(iso) {
  if (!iso) return '';
  return iso.slice(0, 16).replace('T', ' ');
}

export function formatDuration(seconds) {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return t('durationDays', days, hours % 24);
  if (hours > 0) return t('durationHours', hours, minutes % 60);
  return t('durationMinutes', Math.max(1, minutes));
}
