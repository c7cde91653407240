// Radios and checkboxes: a click, as a person gives it (React's onChange for them comes from
// click; setting .checked and firing change is ignored). Verified from the live input.

(() => {
  const kit = globalThis.tousuFillKit;

  const isOn = (el) => (el.matches('input') ? el.checked : el.getAttribute('aria-checked') === 'true'
    || el.classList.contains('checked') || el.classList.contains('is-checked'));

  async function choose(step) {
    const ref = step.choice || step.locator?.target;
    let el = kit.resolve(ref);
    if (!el) return kit.result(step, 'left_for_shopper', 'not_found');
    if (el.disabled || el.getAttribute('aria-disabled') === 'true') {
      return kit.result(step, 'left_for_shopper', 'option_disabled');
    }
    if (!isOn(el)) {
      // A visually hidden input is clicked through its label, as a person would.
      const hidden = el.matches('input') && !kit.visible(el);
      const label = hidden ? (el.closest('label') || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) : null;
      kit.realClick(label || el);
      await kit.settle(250, 1500);
      el = el.isConnected ? el : kit.resolve(ref);
    }
    const ok = Boolean(el) && isOn(el);
    if (ok) kit.mark(el.closest('label') || el);
    return kit.result(step, ok ? 'filled_verified' : 'filled_unconfirmed', ok ? null : 'not_verified');
  }

  kit.widgets = kit.widgets || {};
  kit.widgets.radio = choose;
  kit.widgets.checkbox = choose;
})();
