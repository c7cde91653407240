// Injected on demand: returns what the helper needs to read the page. Reads only.
(() => ({
  url: location.href,
  title: document.title,
  html: document.documentElement ? document.documentElement.outerHTML : '',
}))();
