// The voting-rules step: a newly chosen model reglement fills the rule fields at once,
// except the fields changed by hand on this page and the board's own rules (those that
// differ from the previous model's), and says so in the status line.
// Progressive enhancement only: without this file the server fills them on saving.
// The figures come from the page (#rule-defaults), made from the knowledge data by the
// same code the server fills the fields with (vve/wizard/votes.py, model_defaults).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var source = document.getElementById("rule-defaults");
  var shownFor = document.getElementById("defaults_for");
  if (!source || !shownFor) { return; }
  var data = JSON.parse(source.textContent);
  var status = document.getElementById("rule-status");
  var kinds = ["ordinary", "qualified"];
  var keys = ["quorum", "quorum_comparison", "majority", "base", "comparison"];
  var touched = {};

  function inputs(kind, key) {
    return Array.prototype.slice.call(document.getElementsByName(kind + "-" + key));
  }

  function valueOf(kind, key) {
    var found = "";
    inputs(kind, key).forEach(function (input) {
      if (input.type !== "radio" || input.checked) { found = input.value; }
    });
    return found;
  }

  // Sets the field to ``value``; true when that changed it.
  function setValue(kind, key, value) {
    var changed = false;
    inputs(kind, key).forEach(function (input) {
      if (input.type === "radio") {
        var on = input.value === value;
        if (input.checked !== on) { changed = changed || on; input.checked = on; }
      } else if (input.value !== value) {
        var known = Array.prototype.some.call(input.options || [], function (option) {
          return option.value === value;
        });
        if (known) { input.value = value; changed = true; }
      }
    });
    return changed;
  }

  function words(kind) { return document.getElementById(kind + "-words"); }

  kinds.forEach(function (kind) {
    keys.forEach(function (key) {
      inputs(kind, key).forEach(function (input) {
        input.addEventListener("change", function () {
          touched[kind + "-" + key] = true;
          if (words(kind)) { words(kind).textContent = data.changed; }
        });
      });
    });
  });

  document.getElementsByName("voting__model_reglement").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var model = data.models[radio.value];
      var before = data.models[shownFor.value];
      if (!radio.checked || !model || !before) { return; }
      var kept = false;
      kinds.forEach(function (kind) {
        // As the server does: a rule that is not the previous model's is the board's own
        // (its reglement differs) and stays whole; a field changed by hand here stays too.
        var own = keys.some(function (key) {
          return !touched[kind + "-" + key] && valueOf(kind, key) !== before.rules[kind][key];
        });
        var changedHere = false;
        keys.forEach(function (key) {
          if (own || touched[kind + "-" + key]) {
            changedHere = changedHere || !!touched[kind + "-" + key];
            kept = kept || valueOf(kind, key) !== model.rules[kind][key];
          } else {
            setValue(kind, key, model.rules[kind][key]);
          }
        });
        if (!own && !changedHere && words(kind)) {
          words(kind).textContent = model.words[kind];
          var mark = document.getElementById(kind + "-own");  // "eigen regel": no longer
          if (mark) { mark.hidden = true; }
        }
      });
      // the fields now show this model's rules: the server compares with these
      shownFor.value = radio.value;
      if (status) { status.textContent = model.announce + (kept ? " " + data.kept : ""); }
    });
  });
});
