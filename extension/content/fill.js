// Injected on demand into a complaint, after-sales or intervention form (after fill-dom.js and
// one module per widget kind): applies the helper's plan step by step, re-reading the DOM for
// every step, and reports per field. It never presses submit: while it runs, any submit the page
// would make is stopped before the form's own handler sees it.

(() => {
  const kit = globalThis.tousuFillKit;
  const CASCADES = new Set(['custom_select', 'native_select', 'radio']);

  const stepKey = (step) => `${step.label}|${step.choice ? step.choice.ordinal : ''}|${step.value ?? ''}`;

  function blockSubmit(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  globalThis.tousuFill = async (plan, context = {}) => {
    const done = new Set(context.done || []);
    const results = [];
    let replan = false;
    window.addEventListener('submit', blockSubmit, true);
    try {
      for (const step of plan.steps) {
        const key = stepKey(step);
        if (done.has(key)) continue;
        const widget = step.locator?.widget;
        const operate = kit.widgets?.[widget];
        let result;
        if (!step.locator || !operate) {
          result = kit.result(step, 'left_for_shopper', 'unknown_widget');
        } else if (!kit.scopeMatches(step.locator)) {
          // The page moved under the plan: ask for a new one rather than fill the wrong field.
          replan = true;
          break;
        } else {
          try {
            result = await operate(step, context);
          } catch (error) {
            result = kit.result(step, 'left_for_shopper', 'not_found', { error: String(error?.message || error) });
          }
        }
        results.push({ ...result, key });
        if (CASCADES.has(widget) && result.status !== 'left_for_shopper') {
          // A choice may re-render the fields below it: let it settle, then re-plan.
          // The refund kit's "adjust" round trip answers after 0.3–1.5 s: wait out a quiet spell
          // longer than that before trusting the fields below.
          if (await kit.settle(1600, 6000)) { replan = true; break; }
        }
      }
    } finally {
      // Let events queued by the last step run while the block is still on.
      await kit.sleep(50);
      window.removeEventListener('submit', blockSubmit, true);
    }
    return { results, replan, url: location.href };
  };

  // At the end: is each filled value still what the page shows? A cascade that answered late
  // may have replaced a field after it was verified.
  globalThis.tousuFillCheck = (steps) => steps.map((step) => {
    const el = kit.resolve(step.locator?.target);
    if (!el) return false;
    if (step.locator.widget === 'text' || step.locator.widget === 'textarea') return el.value === step.shown;
    if (step.locator.widget === 'native_select') return kit.norm(el.selectedOptions[0]?.textContent) === kit.norm(step.value);
    if (step.locator.widget === 'custom_select') return kit.norm(kit.selectShown(step.locator)).startsWith(kit.norm(step.value));
    return true;
  });
})();
