// Runs while the browser is still loading React: a deferred classic script with no imports
// runs as soon as the page is parsed, before the popup's module. It asks the background for the popup's status, and reads what the
// background left in session storage for this moment (its last status, and the results of
// one-letter searches), so the popup can show them at once when the worker is asleep and
// takes a moment to wake (components/early.ts takes them). Plain JavaScript in public/ on
// purpose: bundled, it would be merged into the popup's module and wait for it. The keys
// are LAST_STATUS_KEY and FIRST_LETTERS_KEY in lib/status.ts.
(function () {
  var api = globalThis.browser || globalThis.chrome;
  var none = function () {
    return undefined;
  };
  globalThis.sidecardEarly = {
    status: api.runtime.sendMessage({ type: 'status' }).catch(none),
    stored: api.storage.session.get(['lastStatus', 'firstLetters']).catch(none),
  };
})();
