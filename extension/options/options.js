// First run and connection settings: how to start the helper, pairing, 测试连接.

import { $ } from '../lib/dom.js';
import { localize, send, t } from '../lib/i18n.js';


const STATUS_TEXT = {
  ready: (s) => t('statusReady'),
  not_running: (s) => t('statusNotRunning', s.port),
  foreign: (s) => t('statusForeign', s.port),
  not_paired: (s) => t('statusNotPaired'),
  version_mismatch: (s) => t('statusVersion', s.apiVersion ?? '?'),
};

function say(text, ok) {
  $('status').textContent = text;
  $('status').className = ok ? 'status-ready' : 'status-bad';
}

const VIA_TEXT = { native: 'viaNative', code: 'viaCode' };

// Which way the extension is connected: native messaging (no code) or a typed pairing code.
function showVia(via) {
  $('via').dataset.via = via || '';
  $('via').textContent = t('connectedVia', t(VIA_TEXT[via] || 'viaNone'));
}

function port() {
  return Number($('port').value);
}

async function testConnection() {
  try {
    const status = await send({ type: 'helper/status', port: port() });
    const text = STATUS_TEXT[status.state]?.(status) ?? t('stateError', status.error?.message || status.state);
    say(text, status.state === 'ready');
    if (status.port) $('port').value = status.port;
    showVia(status.state === 'ready' ? status.via : null);
    $('status').dataset.state = status.state;
  } catch (error) {
    say(t('stateError', error.message), false);
  }
}

async function pair(event) {
  event.preventDefault();
  const code = $('code').value.trim();
  if (!code) return $('code').focus();
  try {
    await send({ type: 'helper/pair', code, port: port() });
    $('code').value = '';
    say(t('pairOk'), true);
    showVia('code');
    $('status').dataset.state = 'ready';
  } catch (error) {
    const key = { invalid_code: 'pairInvalid', too_many_attempts: 'pairRateLimited' }[error.code];
    if (key) say(t(key), false);
    else if (error.code === 'helper_unreachable') say(t('statusNotRunning', port()), false);
    else if (error.code === 'not_tousu') say(t('statusForeign', port()), false);
    else say(t('stateError', error.message), false);
    $('status').dataset.state = error.code;
  }
}

async function unpair() {
  try {
    await send({ type: 'helper/unpair' });
  } catch {
    // Forgetting the token locally is what matters; the helper may already be gone.
  }
  say(t('unpaired'), false);
  showVia(null);
  $('status').dataset.state = 'not_paired';
}

async function init() {
  localize();
  const { helperPort = 47321, helperToken, helperVia } =
    await chrome.storage.local.get(['helperPort', 'helperToken', 'helperVia']);
  showVia(helperToken ? helperVia : null);
  $('port').value = helperPort;
  $('start-command').textContent = helperPort === 47321 ? 'tousu serve' : `tousu serve --port ${helperPort}`;
  $('pair-form').addEventListener('submit', pair);
  $('test').addEventListener('click', testConnection);
  $('unpair').addEventListener('click', unpair);
  $('open-cases').addEventListener('click', () => chrome.tabs.create({ url: chrome.runtime.getURL('cases/cases.html') }));
}

init();
