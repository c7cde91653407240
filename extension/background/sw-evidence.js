// 截图存证: capture the shop tab as the shopper sees it and file it with the case, with its
// SHA-256 and the time. captureVisibleTab needs the activeTab grant that a click on the
// toolbar button gives for that tab (we do not ask for <all_urls>), and the tab must be the
// visible one in its window.

import { callHelper, HelperError } from './helper-client.js';
import { isShopUrl } from './tabs.js';
import { chinaIso } from '../lib/time.js';
import { keepBytes } from './evidence-bytes.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function bytesOf(dataUrl) {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function captureTab(tab, senderTabId) {
  // From the real popup the shop tab is already the visible one. When the popup runs as a tab
  // of its own (tests, a pinned popup), show the shop tab for the capture and come back.
  const switched = !tab.active;
  if (switched) {
    await chrome.tabs.update(tab.id, { active: true });
    await sleep(150); // let the compositor paint the tab we switched to
  }
  try {
    return await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (error) {
    throw new HelperError('capture_not_allowed', String(error?.message || error));
  } finally {
    if (switched && senderTabId != null) await chrome.tabs.update(senderTabId, { active: true });
  }
}

export const evidenceHandlers = {
  async 'evidence/capture'({ caseId, tabId, code, idempotencyKey }, sender) {
    const tab = await chrome.tabs.get(tabId);
    if (!isShopUrl(tab.url || '')) throw new HelperError('capture_not_shop', 'Not a shop page.');
    const capturedAt = chinaIso();
    const dataUrl = await captureTab(tab, sender.tab?.id);
    const bytes = bytesOf(dataUrl);
    const sha256 = await sha256Hex(bytes);
    const stamp = capturedAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const evidence = await callHelper('POST', `/cases/${encodeURIComponent(caseId)}/evidence`, {
      code,
      file_name: `${code}-${stamp}.png`,
      media_type: 'image/png',
      sha256,
      size: bytes.length,
      captured_at: capturedAt,
      source_url: tab.url,
      note: (tab.title || '').slice(0, 2000),
      content_base64: dataUrl,
    }, { idempotencyKey });
    // Kept here too, so a fill can attach the capture to the form's uploader.
    await keepBytes(sha256, { base64: dataUrl.slice(dataUrl.indexOf(',') + 1), mediaType: 'image/png', fileName: evidence.file_name });
    // The helper ticks the evidence code on the case's checklist as it files the capture.
    const saved = await callHelper('GET', `/cases/${encodeURIComponent(caseId)}`);
    return { evidence, case: saved };
  },

  // A photo or screenshot the shopper adds in the popup, filed with the case like a capture.
  async 'evidence/add-file'({ caseId, code, fileName, mediaType, dataUrl, idempotencyKey }) {
    const bytes = bytesOf(dataUrl);
    const sha256 = await sha256Hex(bytes);
    const evidence = await callHelper('POST', `/cases/${encodeURIComponent(caseId)}/evidence`, {
      code,
      file_name: fileName,
      media_type: mediaType,
      sha256,
      size: bytes.length,
      captured_at: chinaIso(),
      note: 'shopper_file',
      content_base64: dataUrl,
    }, { idempotencyKey });
    await keepBytes(sha256, { base64: dataUrl.slice(dataUrl.indexOf(',') + 1), mediaType, fileName });
    const saved = await callHelper('GET', `/cases/${encodeURIComponent(caseId)}`);
    return { evidence, case: saved };
  },
};
