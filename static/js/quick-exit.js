/*
 * Quick exit ("Lämna sidan snabbt"): the button, or Shift pressed three times
 * within five seconds, at once hides the page and replaces it in the history
 * with a neutral site, so that Back does not return here.
 * Without JavaScript the button is a plain link to the same site.
 */
(function () {
    "use strict";
    var root = document.querySelector("[data-quick-exit]");
    if (!root) { return; }
    var url = root.getAttribute("data-quick-exit-url");
    var button = root.querySelector(".quick-exit__button");
    var status = root.querySelector("[data-quick-exit-status]");
    var hint = root.querySelector(".quick-exit__hint");
    var presses = 0;
    var timer = null;
    var WINDOW_MS = 5000;

    // The Shift shortcut works from here on: its hint becomes visible in the space kept
    // for it (no layout shift), and describes the button; phones never show it (CSS).
    root.classList.add("quick-exit--ready");
    if (hint) { button.setAttribute("aria-describedby", hint.id); }

    function say(text) {
        if (status) { status.textContent = text; }
    }

    function exit(event) {
        if (event) { event.preventDefault(); }
        say(root.getAttribute("data-exiting"));
        document.body.classList.add("quick-exit--leaving");
        document.title = "";
        window.location.replace(url);
    }

    button.addEventListener("click", exit);

    document.addEventListener("keyup", function (event) {
        if (event.key !== "Shift") {
            presses = 0;
            return;
        }
        presses += 1;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { presses = 0; say(""); }, WINDOW_MS);
        if (presses === 1) { say(root.getAttribute("data-shift-one")); }
        if (presses === 2) { say(root.getAttribute("data-shift-two")); }
        if (presses >= 3) { presses = 0; exit(); }
    });
}());
