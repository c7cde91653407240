// Text inputs and textareas: the native value setter (so React's value tracker sees a change),
// then input/change/blur as a person's typing produces them; verified once the page re-renders.

(() => {
  const kit = globalThis.tousuFillKit;
  const setters = {
    INPUT: Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set,
    TEXTAREA: Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set,
  };

  function write(el, value) {
    el.focus?.({ preventScroll: true });
    setters[el.tagName].call(el, value);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    kit.blur(el);
  }

  kit.widgets = kit.widgets || {};
  kit.widgets.text = async (step) => {
    let el = kit.resolve(step.locator.target);
    if (!el || !setters[el.tagName]) return kit.result(step, 'left_for_shopper', 'not_found');
    if (el.readOnly || el.disabled) return kit.result(step, 'left_for_shopper', 'not_found');
    let value = step.value ?? '';
    // The page's own limit wins over the plan's (a limit may have changed since the snapshot).
    let note = step.note ?? null;
    if (el.maxLength > 0 && value.length > el.maxLength) {
      value = [...value].slice(0, el.maxLength).join('');
      note = 'too_long';
    }
    write(el, value);
    await kit.settle(250, 1500);
    el = el.isConnected ? el : kit.resolve(step.locator.target);
    if (el && el.value === value) {
      kit.mark(el);
      return kit.result(step, 'filled_verified', null, { note, shown: value });
    }
    return kit.result(step, 'filled_unconfirmed', 'not_verified', { note, shown: el?.value ?? null });
  };
  kit.widgets.textarea = kit.widgets.text;
})();
