// Uploaders: one file at a time through DataTransfer on the live file input (the kit replaces
// the input after each upload), waiting for each thumbnail, never beyond the shown limit.

(() => {
  const kit = globalThis.tousuFillKit;

  function toFile(item) {
    const binary = atob(item.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return new File([bytes], item.file_name, { type: item.media_type });
  }

  const area = (step, input) => kit.resolve(step.locator.scope) || input?.parentElement?.parentElement || document.body;
  const thumbs = (root) => root.querySelectorAll('img, [style*="background-image"]').length;
  const busy = (root) => /上传中|uploading/i.test(root.textContent || '');

  // "2/3" next to the uploader: the page's own count and limit.
  function shownLimit(root) {
    const match = /(\d+)\s*\/\s*(\d+)/.exec(root.textContent || '');
    return match ? { count: Number(match[1]), max: Number(match[2]) } : null;
  }

  kit.widgets = kit.widgets || {};
  kit.widgets.file = async (step, context) => {
    const files = [];
    const max = step.locator.max_files ?? Infinity;
    for (const meta of step.files || []) {
      const record = { sha256: meta.sha256, file_name: meta.file_name, code: meta.code };
      const bytes = context.files?.[meta.sha256];
      if (!bytes) { files.push({ ...record, status: 'left_for_shopper', reason: 'no_file_bytes' }); continue; }
      // A kit hides its input while an upload is running: wait for it (or for the limit).
      const full = (root) => { const l = shownLimit(root); return Boolean(l && l.count >= l.max); };
      await kit.waitFor(() => {
        const live = kit.resolve(step.locator.target);
        const root = area(step, live);
        return (live && !busy(root)) || full(root);
      }, 8000, 100);
      const input = kit.resolve(step.locator.target);
      const root = area(step, input);
      if (files.filter((f) => f.status !== 'left_for_shopper').length >= max || full(root)) {
        files.push({ ...record, status: 'left_for_shopper', reason: 'limit_reached' });
        continue;
      }
      if (!input || input.disabled || busy(root)) {
        files.push({ ...record, status: 'left_for_shopper', reason: 'timeout' });
        continue;
      }
      const before = thumbs(root);
      const transfer = new DataTransfer();
      transfer.items.add(toFile({ ...meta, base64: bytes }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const shown = await kit.waitFor(() => {
        const now = area(step, kit.resolve(step.locator.target));
        return thumbs(now) > before && !busy(now);
      }, 8000, 100);
      files.push({ ...record, status: shown ? 'filled_verified' : 'filled_unconfirmed', reason: shown ? null : 'not_verified' });
    }
    const sent = files.filter((f) => f.status !== 'left_for_shopper');
    const status = !sent.length ? 'left_for_shopper'
      : sent.every((f) => f.status === 'filled_verified') ? 'filled_verified' : 'filled_unconfirmed';
    const reason = !sent.length ? (files[0]?.reason || 'no_file_bytes') : status === 'filled_verified' ? null : 'not_verified';
    return kit.result(step, status, reason, { files, value: null });
  };
})();
