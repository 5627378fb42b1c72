/* wagtail-modeltranslation writes "Copy content from:" above each StreamField in English
   (a literal in its copy_stream_fields.js, not a gettext string). Its script builds the
   buttons when the document is ready; this one, queued after it, puts the heading in the
   editor's language from the admin's JavaScript catalogue (locale/upstream). */
$(document).ready(function () {
  if (typeof window.gettext !== "function") {
    return;
  }
  document.querySelectorAll(".translation-field-copy-wrapper").forEach(function (wrapper) {
    var first = wrapper.firstChild;
    if (first && first.nodeType === Node.TEXT_NODE && first.data.trim() === "Copy content from:") {
      first.data = window.gettext("Copy content from") + ": ";
    }
  });
});
