// Loaded in <head>, before the first paint: tells the CSS that JavaScript runs, so that components which JavaScript
// enhances (map, accordion, tabs…) are styled for it from the start. A file, not an inline script: the Content
// Security Policy allows no inline script. GOV.UK Frontend's own check needs the classes on <body>: app.mjs adds them.
document.documentElement.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.documentElement.classList.add("govuk-frontend-supported");
}
