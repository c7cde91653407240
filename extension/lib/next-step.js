// A case's next step in the shopper's words. The helper decides the step and its reminder
// (tousu.cases.next_step) and sends them as codes; this module only localises them, so a
// locale switch shows every case in the new language.

import { message } from './messages.js';

export const NEXT_STEP_KEYS = {
  file: 'nextFile',
  submit_form: 'nextSubmitForm',
  wait_seller: 'nextWaitSeller',
  seller_answered: 'nextSellerAnswered',
  platform: 'nextPlatform',
  resolved: 'nextResolved',
  escalated: 'nextEscalated',
  closed: 'nextClosed',
};

// The sentence for a next-step code ('' for a code this extension does not know yet).
export function nextStepName(code, lookup = message) {
  const key = NEXT_STEP_KEYS[code];
  return key ? lookup(key) : '';
}

// What a case or a case summary says to do next: a note the shopper typed wins over the
// helper's step, since it is theirs.
export function nextStepText(c, lookup = message) {
  return c.next_action || nextStepName(c.next_step?.code, lookup);
}
