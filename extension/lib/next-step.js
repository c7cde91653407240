// What the shopper should do next for a case in each status, and when to remind them. The
// hours are reminder intervals chosen for follow-up, not platform deadlines: the deadlines
// themselves come from the advice clocks.

import { message } from './messages.js';
import { hoursFromNow } from './time.js';

const STEPS = {
  draft: { key: 'nextFile', hours: null },
  filed: { key: 'nextWaitSeller', hours: 48 },
  seller_responded: { key: 'nextSellerAnswered', hours: 24 },
  platform_intervening: { key: 'nextPlatform', hours: 72 },
  resolved: { key: 'nextResolved', hours: null },
  escalated: { key: 'nextEscalated', hours: 24 * 7 },
  closed: { key: 'nextClosed', hours: null },
};

// {next_action, due_at} for a status; `deadline` (an advice clock) caps the reminder so it
// never comes after the deadline it is about.
export function nextStep(status, { deadline = null, now = new Date() } = {}) {
  const step = STEPS[status] || STEPS.draft;
  let dueAt = step.hours == null ? null : hoursFromNow(step.hours, now);
  if (deadline && (!dueAt || Date.parse(deadline) < Date.parse(dueAt))) dueAt = deadline;
  return { next_action: message(step.key), due_at: dueAt };
}

// The earliest clock still running: the date by which a draft should be filed.
export function firstDeadline(clocks = []) {
  const open = clocks
    .filter((c) => (c.state === 'open' || c.state === 'due_soon') && c.due_at)
    .sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at));
  return open[0] || null;
}
