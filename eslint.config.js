// ESLint flat config for the extension (plain ES modules, no bundler) and its node --test
// unit tests. Screens run in extension pages (browser + WebExtensions globals), the worker in
// a service worker, content scripts as classic scripts in the page.
import js from '@eslint/js';
import globals from 'globals';

const chromeApis = { chrome: 'readonly' };

export default [
  { ignores: ['node_modules/', '.venv/', 'build/', 'dist/', 'tousu-testing/', 'helper/'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, ...chromeApis },
    },
    rules: {
      // Handlers share one signature (a message, a status...) whether or not they read it.
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
    },
  },
  {
    files: ['extension/background/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions, ...chromeApis } },
  },
  {
    // Injected with chrome.scripting.executeScript: classic scripts, not modules.
    files: ['extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    // Pages the e2e tests serve (plain browser scripts, not part of the extension).
    files: ['tests/e2e/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['tests/extension/js/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
];
