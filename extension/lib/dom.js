// DOM building for the screens. Data always goes in through textContent or attributes, never
// innerHTML: order titles and seller replies come from web pages.

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role') node.setAttribute(name, value);
    else node[name] = value;
  }
  for (const child of children) if (child != null && child !== '') node.append(child);
  return node;
}

// A copy button with its own feedback, for the 12315 fields and the draft.
export function copyButton(label, getText, done) {
  const button = el('button', { type: 'button', className: 'small', textContent: label });
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(getText());
    done?.(button);
  });
  return button;
}
