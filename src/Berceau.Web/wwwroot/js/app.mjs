// Progressive enhancement of the GOV.UK Frontend components (error summary focus, service navigation menu on small
// screens, double-click prevention, checkboxes and radios with conditional content…). Pages work without it.
import { initAll } from "/lib/govuk-frontend/govuk-frontend.min.js";

// A module only runs in browsers GOV.UK Frontend supports: mark <body> as it expects (see init.js).
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
