/* Both languages in the editor: each translated field labelled with its language's name
 * ("Svenska" / "Engelska"), and the Swedish and English versions of a field side by side
 * (editor-languages.css) while both are shown.
 *
 * Runs after wagtail-modeltranslation's language toggle (language_toggles.js), which
 * shows both languages by default and remembers the choice (settings
 * WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT / _RESTORE). That script finds a field's
 * language by the " [sv]" in its label, so the code stays in the label, hidden from view
 * and from screen readers, and the language's name is shown beside it.
 * Without JavaScript the admin is as before.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var names = JSON.parse((script && script.dataset.languageNames) || "{}");
  var codes = Object.keys(names);
  if (codes.length === 0) return;
  var codePattern = new RegExp("\\s\\[(" + codes.join("|") + ")\\]\\s*$");

  function ownLabel(element) {
    return element.querySelector(
      ":scope > .w-panel__header [data-panel-heading-text], :scope > label.w-field__label"
    );
  }

  function labelTextNode(label) {
    for (var node = label.lastChild; node; node = node.previousSibling) {
      if (node.nodeType === Node.TEXT_NODE && codePattern.test(node.nodeValue)) return node;
    }
    return null;
  }

  function relabel(label, code) {
    var node = labelTextNode(label);
    if (!node) return;
    var match = codePattern.exec(node.nodeValue);
    node.nodeValue = node.nodeValue.slice(0, match.index);
    var hidden = document.createElement("span");
    hidden.className = "editor-languages__code";
    hidden.setAttribute("aria-hidden", "true");
    hidden.textContent = " [" + code + "]";
    var name = document.createElement("span");
    name.className = "editor-languages__name";
    name.lang = code;
    name.textContent = names[code];
    node.after(" ", name, hidden);
  }

  function markFields(root) {
    root.querySelectorAll("section.w-panel, div.w-panel__wrapper").forEach(function (element) {
      if (element.dataset.editorLanguage) return;
      var label = ownLabel(element);
      if (!label) return;
      var match = codePattern.exec(label.textContent.replace(/\*\s*$/, ""));
      if (!match) return;
      element.dataset.editorLanguage = match[1];
      if (element.parentElement) element.parentElement.classList.add("editor-languages__pairs");
      relabel(label, match[1]);
    });
  }

  function toggles() {
    return Array.prototype.slice.call(document.querySelectorAll(".locale-picker .locale-toggle"));
  }

  function showState() {
    var all = toggles();
    var shown = all.filter(function (toggle) {
      return toggle.classList.contains("showing-locale");
    });
    // Every language hidden would leave an empty form: show the first (Swedish) again.
    if (all.length > 0 && shown.length === 0) {
      all[0].click();
      return;
    }
    document.body.classList.toggle(
      "editor-languages--all",
      all.length > 1 && shown.length === all.length
    );
  }

  function start() {
    var form = document.querySelector("form[data-edit-form], form#page-edit-form");
    if (!form) return;
    markFields(form);
    toggles().forEach(function (toggle) {
      toggle.addEventListener("click", function () {
        window.setTimeout(showState);
      });
    });
    showState();
    // Inline panels add fields later (with labels still carrying the code).
    new MutationObserver(function () {
      markFields(form);
    }).observe(form, { childList: true, subtree: true });
  }

  // After wagtail-modeltranslation's own ready handler, which builds the toggle.
  if (window.jQuery) {
    window.jQuery(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
