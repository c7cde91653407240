// The service worker only wires modules together; each sw-*.js registers its listeners at top
// level so they survive the worker being stopped and restarted.
import './sw-messages.js';
import './sw-lifecycle.js';
import './sw-badge.js';
