// Progressive enhancement: a polite notice before an advisor's login ends. The login
// ends eight hours after it began, whatever is done (an absolute limit: nothing renews
// it), so the notice says when and advises saving; it never takes the focus. Without
// this file the header still says "Ingelogd tot HH:MM".
document.addEventListener("DOMContentLoaded", function () {
  var notice = document.getElementById("session-notice");
  if (!notice) { return; }
  var seconds = parseInt(notice.dataset.sessionSeconds, 10);
  if (isNaN(seconds)) { return; }
  var WARN_BEFORE = 10 * 60; // seconds
  // Counted from the server's own "seconds left", not the device's clock, which may be off.
  var endsAt = Date.now() + seconds * 1000;

  function show(text) {
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    notice.replaceChildren(paragraph);
    notice.classList.add("session-notice--shown");
  }

  function later(text, at) {
    var wait = at - Date.now();
    if (wait <= 0) { show(text); return; }
    // browsers cap long timers; checking again halfway keeps the moment right after sleep
    window.setTimeout(function () { later(text, at); }, Math.min(wait, 60 * 1000));
  }

  later(notice.dataset.warning, endsAt - WARN_BEFORE * 1000);
  later(notice.dataset.ended, endsAt);
});
