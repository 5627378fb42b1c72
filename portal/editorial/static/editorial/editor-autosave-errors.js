/* After a save or publish that failed validation, Wagtail shows the form again with the
 * editor's input and "The page could not be created/saved due to validation errors", and
 * its autosave saves that input as a draft at once (required fields are not required in
 * a draft), so the header said "Saved" beside "could not be created". When an autosave
 * succeeds, the validation message says what happened instead: what was typed is saved
 * as a draft, not published, and what is marked still needs correcting. Its "Go to the
 * first error" button and any list of errors stay.
 *
 * Listens to Wagtail's w-autosave:success event (the one its "Saved" indicator follows).
 * Without JavaScript there is no autosave, and Wagtail's message is true as it stands.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var savedText = script && script.dataset.savedText;
  if (!savedText) return;
  // Wagtail's own sentences for a form that failed validation (portal/editorial/
  // wagtail_hooks.py): any other error, such as a lock, is left as it is.
  var failedTexts = JSON.parse((script && script.dataset.failedTexts) || "[]");

  // The text of each message that is one of those sentences.
  function validationTexts() {
    var found = [];
    document.querySelectorAll(".messages li.error").forEach(function (item) {
      var node = messageText(item);
      if (node && failedTexts.indexOf(node.nodeValue.trim()) !== -1) found.push(node);
    });
    return found;
  }

  function messageText(item) {
    for (var node = item.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim()) return node;
    }
    return null;
  }

  document.addEventListener("w-autosave:success", function () {
    validationTexts().forEach(function (node) {
      node.nodeValue = " " + savedText + " ";
    });
  });
})();
