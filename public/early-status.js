/* global document, localStorage */
// Runs while the browser is still loading React: a deferred classic script with no imports
// runs as soon as the page is parsed, before the popup's module. It asks the background for the popup's status, and reads what the
// background left in session storage for this moment (its last status, and the results of
// one-letter searches), so the popup can show them at once when the worker is asleep and
// takes a moment to wake (components/early.ts takes them). Plain JavaScript in public/ on
// purpose: bundled, it would be merged into the popup's module and wait for it. The keys
// are LAST_STATUS_KEY and FIRST_LETTERS_KEY in lib/status.ts.
//
// It also gives the popup's shell (the search box written in popup.html) the words the last
// popup left in localStorage: its language, label and placeholder, and hides the box when
// Sidecard was not connected. SHELL_HINT_KEY in entrypoints/popup/shell.ts; the popup
// writes the hint, and checks its shape when it reads it back.
(function () {
  var api = globalThis.browser || globalThis.chrome;
  var none = function () {
    return undefined;
  };
  globalThis.sidecardEarly = {
    status: api.runtime.sendMessage({ type: 'status' }).catch(none),
    stored: api.storage.session.get(['lastStatus', 'firstLetters']).catch(none),
  };

  try {
    var hint = JSON.parse(localStorage.getItem('sidecard.popupShell') || 'null');
    var input = document.querySelector('input[data-shell]');
    if (hint && input && (hint.lang === 'en' || hint.lang === 'de')) {
      document.documentElement.lang = hint.lang;
      if (typeof hint.label === 'string') input.setAttribute('aria-label', hint.label);
      if (typeof hint.placeholder === 'string') input.placeholder = hint.placeholder;
      if (hint.connected === false) input.hidden = true;
    }
  } catch {
    // No hint, or not one: the shell keeps its English words.
  }
})();
