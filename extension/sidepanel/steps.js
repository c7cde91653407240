// The guided flow: one step shown at a time, the step list as a nav whose reached steps can be
// revisited, and the move announced to screen readers with focus on the step's heading.

import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export const STEPS = ['order', 'problem', 'type', 'evidence', 'remedy', 'draft', 'fill'];
const NAMES = {
  order: 'stepOrder', problem: 'stepProblem', type: 'stepType', evidence: 'stepEvidence',
  remedy: 'stepRemedy', draft: 'stepDraft', fill: 'stepFill',
};

export const stepName = (step) => t(NAMES[step]);
export const stepNumber = (step) => STEPS.indexOf(step) + 1;

const flow = { step: 'order', reached: 'order', onGo: () => {} };

export function setupSteps(onGo) {
  flow.onGo = onGo;
  for (const button of document.querySelectorAll('button.next')) {
    button.textContent = t('stepNext', stepName(button.dataset.next));
    button.addEventListener('click', () => goTo(button.dataset.next));
  }
  $('step-back').addEventListener('click', () => {
    const at = STEPS.indexOf(flow.step);
    if (at > 0) goTo(STEPS[at - 1]);
  });
}

export const currentStep = () => flow.step;

function renderNav() {
  const reached = STEPS.indexOf(flow.reached);
  $('steps').replaceChildren(...STEPS.map((step, i) => {
    const button = el('button', {
      type: 'button', textContent: `${i + 1} ${stepName(step)}`, 'data-step': step,
      'aria-label': t('stepGoTo', i + 1, stepName(step)), disabled: i > reached,
    });
    if (step === flow.step) button.setAttribute('aria-current', 'step');
    button.addEventListener('click', () => goTo(step));
    return el('li', {}, button);
  }));
  $('step-back').hidden = flow.step === 'order';
}

// `reached` is the furthest step the shopper may jump to; going back keeps it.
export function goTo(step, { reached, focus = true, silent = false } = {}) {
  flow.step = step;
  const furthest = Math.max(STEPS.indexOf(reached || flow.reached), STEPS.indexOf(step));
  flow.reached = STEPS[furthest];
  for (const section of document.querySelectorAll('.step')) section.hidden = section.dataset.step !== step;
  renderNav();
  $('announce').textContent = t('stepOf', stepNumber(step), STEPS.length, stepName(step));
  if (focus) document.querySelector(`.step[data-step="${step}"] h2`)?.focus();
  if (!silent) flow.onGo(step, flow.reached);
}

export function resetSteps() {
  flow.reached = 'order';
}
