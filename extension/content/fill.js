// Injected on demand into a complaint or after-sales form: puts the plan's values into the
// controls found by their visible label. It never clicks, never submits: the shopper does.

(() => {
  const norm = (text) => (text || '').replace(/\s+/g, '').replace(/^[*＊]+/, '').replace(/[:：*＊]+$/, '');

  function controlFor(label) {
    if (label.htmlFor) {
      const byId = document.getElementById(label.htmlFor);
      if (byId) return byId;
    }
    const inner = label.querySelector('select, textarea, input');
    if (inner) return inner;
    // Some forms put the label and the control side by side in one row.
    const row = label.closest('.form-row, .form-item, tr, li, div');
    return row ? row.querySelector('select, textarea, input:not([type=hidden])') : null;
  }

  function findControl(text) {
    const wanted = norm(text);
    const labels = [...document.querySelectorAll('label, .label, dt, th')];
    const match = labels.find((l) => norm(l.textContent) === wanted)
      || labels.find((l) => norm(l.textContent).includes(wanted));
    return match ? controlFor(match) : null;
  }

  function setValue(element, value) {
    // Use the prototype's setter so frameworks that track the value property see the change.
    const proto = Object.getPrototypeOf(element);
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(element, value); else element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function fillSelect(select, text) {
    const option = [...select.options].find((o) => norm(o.textContent) === norm(text))
      || [...select.options].find((o) => norm(o.textContent).includes(norm(text)));
    if (!option) return false;
    setValue(select, option.value);
    return true;
  }

  function mark(element) {
    element.style.outline = '2px solid #e64628';
    element.style.outlineOffset = '1px';
    element.setAttribute('data-tousu-filled', 'true');
  }

  globalThis.tousuFill = (plan) => {
    const filled = [];
    const missing = [];
    for (const step of plan.steps) {
      const element = findControl(step.label);
      let ok = false;
      if (element && element.tagName === 'SELECT') {
        ok = fillSelect(element, step.value);
      } else if (element && (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT')) {
        if (element.type === 'checkbox' || element.type === 'radio') {
          element.checked = true;
          element.dispatchEvent(new Event('change', { bubbles: true }));
          ok = true;
        } else if (element.type !== 'file' && element.type !== 'submit') {
          const max = element.maxLength > 0 ? element.maxLength : Infinity;
          setValue(element, (step.value || '').slice(0, max));
          ok = true;
        }
      }
      if (ok) {
        mark(element);
        filled.push(step.label);
      } else {
        missing.push(step.label);
      }
    }
    return { filled, missing, url: location.href };
  };
})();
