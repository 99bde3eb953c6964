// The private link carries its code after '#', which the browser never sends to a
// server. Post it at once (with the page's CSRF token), and drop it from the address
// bar and the history. Without this script the board pastes the code into the field.
(function () {
  var form = document.querySelector(".js-access-form");
  var code = window.location.hash.slice(1);
  if (!form || !code) { return; }
  var field = form.querySelector("input[name=token]");
  if (!field || field.getAttribute("aria-invalid") === "true") { return; }
  field.value = code;
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  var opening = document.querySelector(".js-access-opening");
  if (opening) { opening.hidden = false; }
  form.submit();
})();
