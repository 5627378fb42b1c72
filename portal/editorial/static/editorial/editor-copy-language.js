/* "Copy content from": a button on each translated StreamField of the page editor that
 * fills it with the other language's blocks, through wagtail-modeltranslation's copy
 * endpoint (…/edit/copy_translation_content/, checked by portal/editorial/copy_content.py).
 *
 * wagtail-modeltranslation's own buttons (copy_stream_fields.js) look for panels named
 * "panel-child-content-…", which the Swedish admin names "panel-child-innehall-…", and
 * read the CSRF token from a cookie that is HttpOnly here; this script stands in for them.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var names = JSON.parse((script && script.dataset.languageNames) || "{}");
  var copyLabel = (script && script.dataset.copyLabel) || "Copy content from";
  var fieldPattern = new RegExp("-([a-z0-9_]+)_(" + Object.keys(names).join("|") + ")-section$");

  function copy(form, origin, target, button) {
    var fields = new FormData(form);
    var serialized = [];
    fields.forEach(function (value, name) {
      if (typeof value === "string" && name.indexOf(origin) === 0) {
        serialized.push({ name: name, value: value });
      }
    });
    var body = new URLSearchParams();
    body.set("origin_field_name", origin);
    body.set("target_field_name", target);
    body.set("serializedOriginField", JSON.stringify(serialized));
    button.disabled = true;
    fetch("copy_translation_content/", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "X-CSRFToken": fields.get("csrfmiddlewaretoken"),
        "X-Requested-With": "XMLHttpRequest",
      },
      body: body,
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (html) {
        var count = form.querySelector("[name='" + target + "-count']");
        var wrapper = count && count.closest(".w-field__input");
        if (wrapper) window.jQuery(wrapper).html(html);
      })
      .catch(function (error) {
        console.error("The content could not be copied: %s", error);
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  function start() {
    var form = document.getElementById("page-edit-form");
    if (!form || !window.jQuery) return;
    form.querySelectorAll("section.w-panel--nested").forEach(function (section) {
      var match = fieldPattern.exec(section.id);
      var header = section.querySelector(":scope > .w-panel__header");
      if (!match || !header) return;
      // wagtail-modeltranslation's own buttons, where it found the panel: replaced.
      header.querySelectorAll(".translation-field-copy-wrapper").forEach(function (old) {
        old.remove();
      });
      var target = match[1] + "_" + match[2];
      var wrapper = document.createElement("div");
      wrapper.className = "translation-field-copy-wrapper";
      wrapper.append(copyLabel + ": ");
      Object.keys(names).forEach(function (code) {
        if (code === match[2]) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary translation-field-copy";
        button.textContent = names[code];
        button.addEventListener("click", function () {
          copy(form, match[1] + "_" + code, target, button);
        });
        wrapper.append(button);
      });
      header.append(wrapper);
    });
  }

  if (window.jQuery) {
    window.jQuery(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
