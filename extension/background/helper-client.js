// The only module that talks to the local helper. Every failure becomes a HelperError with a
// stable code the screens can explain: helper_unreachable, not_tousu, timeout, not_paired,
// version_mismatch, or the code from the helper's error envelope.
//
// Connecting: the browser's native messaging host (com.tousu.helper) starts the helper when it
// is not running and hands over a port and a token, so the shopper types nothing. Before the
// token goes anywhere, whatever answers on the port must prove it holds that token: /ping with
// a random challenge and the token's public id, answered with HMAC-SHA256(SHA-256(token)).

import { getSettings, saveSettings } from './settings.js';

export const API_VERSION = '1';
export const NATIVE_HOST = 'com.tousu.helper';
const DEFAULT_TIMEOUT_MS = 15000;
const PING_TIMEOUT_MS = 4000;
// Errors after which asking the native host (which can start the helper) may help.
const RECONNECT_CODES = new Set(['helper_unreachable', 'timeout', 'not_paired', 'not_tousu']);
// Failures after which the request was surely not carried out, so sending it again is safe (a
// timeout may have been carried out: it is not retried).
const RETRY_CODES = new Set(['helper_unreachable', 'not_paired', 'not_tousu']);

export class HelperError extends Error {
  constructor(code, message, { status = 0, details = [] } = {}) {
    super(message);
    this.name = 'HelperError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  toJSON() {
    return { code: this.code, message: this.message, status: this.status, details: this.details };
  }
}

async function request(method, path, body, { port, token, timeoutMs, idempotencyKey } = {}) {
  const headers = { 'X-Tousu-API-Version': API_VERSION };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['X-Tousu-Token'] = token;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw new HelperError('timeout', 'The helper did not answer in time.');
    throw new HelperError('helper_unreachable', `Nothing answers on port ${port}.`);
  } finally {
    clearTimeout(timer);
  }

  // Something else may be listening on our port: only a response naming us is the helper.
  if (!(response.headers.get('X-Tousu-Helper') || '').startsWith('tousu-helper/')) {
    throw new HelperError('not_tousu', `Port ${port} is not the Tousu helper.`, { status: response.status });
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    throw new HelperError('bad_response', 'The helper sent something that is not JSON.', { status: response.status });
  }
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new HelperError(error.code || 'http_error', error.message || `HTTP ${response.status}`, {
      status: response.status,
      details: error.details || [],
    });
  }
  return data;
}

// The challenge-response check -------------------------------------------------------------------

function toHex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function randomChallenge() {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

export async function expectedProof(token, challenge) {
  const encoder = new TextEncoder();
  const keyBytes = await crypto.subtle.digest('SHA-256', encoder.encode(token));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(challenge)));
}

// Ping without the token; `paired` is true only when the helper proved it holds our token.
async function provenPing(port, token, tokenId) {
  if (!token || !tokenId) {
    const ping = await request('GET', '/ping', undefined, { port, timeoutMs: PING_TIMEOUT_MS });
    return { ...ping, paired: false };
  }
  const challenge = randomChallenge();
  const query = `?challenge=${challenge}&token_id=${encodeURIComponent(tokenId)}`;
  const ping = await request('GET', `/ping${query}`, undefined, { port, timeoutMs: PING_TIMEOUT_MS });
  const proven = typeof ping.proof === 'string' && ping.proof === (await expectedProof(token, challenge));
  return { ...ping, paired: proven };
}

// Native messaging: the doorbell that starts the helper -------------------------------------------

let nativeInFlight = null;
// Proofs in flight, by `${port}/${tokenId}`: requests made at the same moment (a popup opening)
// share one challenge; every later request is proven again, since a helper that stopped may
// have lost its port to another program in between.
const proving = new Map();

function proveOnce(port, token, tokenId) {
  const key = `${port}/${tokenId}`;
  if (!proving.has(key)) {
    proving.set(key, provenPing(port, token, tokenId).finally(() => proving.delete(key)));
  }
  return proving.get(key);
}

export function nativeAvailable() {
  return typeof chrome.runtime.sendNativeMessage === 'function';
}

async function askNativeHost() {
  if (!nativeAvailable()) throw new HelperError('native_unavailable', 'Native messaging is not available.');
  let answer;
  try {
    answer = await chrome.runtime.sendNativeMessage(NATIVE_HOST, { type: 'connect' });
  } catch (error) {
    // Usually "Specified native messaging host not found": tousu install has not been run.
    throw new HelperError('native_unavailable', String(error?.message || error));
  }
  if (!answer?.ok) {
    const error = answer?.error ?? {};
    throw new HelperError(error.code || 'native_failed', error.message || 'The native host refused.');
  }
  // The host is the browser-vouched path, but the port is still checked before the token is used.
  const ping = await proveOnce(answer.port, answer.token, answer.token_id);
  if (!ping.paired) throw new HelperError('not_tousu', `Port ${answer.port} did not prove it is our helper.`);
  await saveSettings({ port: answer.port, token: answer.token, tokenId: answer.token_id, via: 'native' });
  await chrome.storage.local.set({ helperNativeError: null });
  return getSettings();
}

// One connect at a time: a popup opening sends several requests at once.
export function connectNative() {
  if (!nativeInFlight) {
    nativeInFlight = askNativeHost()
      .catch(async (error) => {
        await chrome.storage.local.set({ helperNativeError: error.toJSON?.() ?? String(error) });
        throw error;
      })
      .finally(() => {
        nativeInFlight = null;
      });
  }
  return nativeInFlight;
}

// Settings whose token the helper on that port has proved to hold, connecting natively if needed.
async function connected() {
  const settings = await getSettings();
  let failure;
  try {
    const ping = await proveOnce(settings.port, settings.token, settings.tokenId);
    if (ping.paired) return settings;
    failure = new HelperError('not_paired', 'Pair the extension with the helper first.', { status: 401 });
  } catch (error) {
    if (!(error instanceof HelperError)) throw error;
    failure = error;
  }
  try {
    return await connectNative();
  } catch (nativeError) {
    // No native host: explain the original state (not running, not paired...), as before.
    throw nativeAvailable() && nativeError.code !== 'native_unavailable' ? nativeError : failure;
  }
}

export async function callHelper(method, path, body, options = {}) {
  // Explicit port or token (pairing by code, checking another port): exactly what was asked.
  if (options.port !== undefined || options.token !== undefined) {
    const settings = await getSettings();
    return request(method, path, body, {
      ...options,
      port: options.port ?? settings.port,
      token: options.token === undefined ? null : options.token,
    });
  }
  const settings = await connected();
  try {
    return await request(method, path, body, { ...options, port: settings.port, token: settings.token });
  } catch (error) {
    // The helper stopped (idle, killed) or forgot the token between the check and the call.
    if (!(error instanceof HelperError) || !RETRY_CODES.has(error.code)) throw error;
    const again = await connected();
    return request(method, path, body, { ...options, port: again.port, token: again.token });
  }
}

// The connection state the options page and the popup explain to the shopper.
export async function helperStatus(port) {
  const settings = await getSettings();
  const target = port ?? settings.port;
  try {
    let ping = await provenPing(target, target === settings.port ? settings.token : null, settings.tokenId);
    let current = settings;
    if (!ping.paired && target === settings.port && nativeAvailable()) {
      try {
        current = await connectNative();
        ping = await provenPing(current.port, current.token, current.tokenId);
      } catch {
        // Report what the ping saw; the native error is kept for the options page.
      }
    }
    const via = ping.paired ? current.via : null;
    if (String(ping.api_version) !== API_VERSION) {
      return { state: 'version_mismatch', apiVersion: ping.api_version, version: ping.version, via };
    }
    return { state: ping.paired ? 'ready' : 'not_paired', version: ping.version, via, port: current.port };
  } catch (error) {
    if (error instanceof HelperError) {
      if (target === settings.port && nativeAvailable() && RECONNECT_CODES.has(error.code)) {
        try {
          const current = await connectNative();
          return { state: 'ready', via: current.via, port: current.port };
        } catch {
          // fall through to the state the ping saw
        }
      }
      if (error.code === 'helper_unreachable' || error.code === 'timeout') return { state: 'not_running' };
      if (error.code === 'not_tousu') return { state: 'foreign' };
      if (error.code === 'version_mismatch') return { state: 'version_mismatch' };
      return { state: 'error', error: error.toJSON() };
    }
    throw error;
  }
}
