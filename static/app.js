// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".js-copy").forEach(function (button) {
    var input = document.getElementById(button.dataset.copyTarget);
    var status = button.parentNode.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      input.select();
      var done = function () { if (status) { status.textContent = button.dataset.copied; } };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
  // GOV.UK's conditional reveal: a question that only applies after some answers of the
  // radio before it is hidden while another is chosen (the server ignores it then too).
  document.querySelectorAll("[data-reveal-when]").forEach(function (box) {
    var values = JSON.parse(box.dataset.revealValues);
    var radios = document.querySelectorAll('input[type="radio"][name="' + box.dataset.revealWhen + '"]');
    var hint = box.querySelector(".conditional__hint");
    if (hint) {  // shown only when it applies: the hint for a page without script goes
      box.querySelectorAll('[aria-describedby~="' + hint.id + '"]').forEach(function (input) {
        var rest = input.getAttribute("aria-describedby").split(" ").filter(function (id) { return id !== hint.id; });
        if (rest.length) { input.setAttribute("aria-describedby", rest.join(" ")); } else { input.removeAttribute("aria-describedby"); }
      });
      hint.remove();
    }
    var update = function () {
      var chosen = "";
      radios.forEach(function (radio) { if (radio.checked) { chosen = radio.value; } });
      box.hidden = values.indexOf(chosen) < 0;
    };
    radios.forEach(function (radio) {
      radio.setAttribute("aria-controls", box.id);
      radio.addEventListener("change", update);
    });
    update();
  });
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
