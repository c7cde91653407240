// The only module that talks to the local helper. Every failure becomes a HelperError with a
// stable code the screens can explain: helper_unreachable, not_tousu, timeout, not_paired,
// version_mismatch, or the code from the helper's error envelope.

import { getSettings } from './settings.js';

export const API_VERSION = '1';
const DEFAULT_TIMEOUT_MS = 15000;

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

export async function callHelper(method, path, body, options = {}) {
  const settings = await getSettings();
  const port = options.port ?? settings.port;
  const token = options.token === undefined ? settings.token : options.token;
  const headers = { 'X-Tousu-API-Version': API_VERSION };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['X-Tousu-Token'] = token;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
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

// The connection state the options page and the popup explain to the shopper.
export async function helperStatus(port) {
  try {
    const ping = await callHelper('GET', '/ping', undefined, { port, timeoutMs: 4000 });
    if (String(ping.api_version) !== API_VERSION) {
      return { state: 'version_mismatch', apiVersion: ping.api_version, version: ping.version };
    }
    return { state: ping.paired ? 'ready' : 'not_paired', version: ping.version };
  } catch (error) {
    if (error instanceof HelperError) {
      if (error.code === 'helper_unreachable' || error.code === 'timeout') return { state: 'not_running' };
      if (error.code === 'not_tousu') return { state: 'foreign' };
      if (error.code === 'version_mismatch') return { state: 'version_mismatch' };
      return { state: 'error', error: error.toJSON() };
    }
    throw error;
  }
}
