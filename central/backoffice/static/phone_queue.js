// The phone queue page's script (central/public_pages.cpp). Every 30 s, and at once when the phone shows the
// page again after its screen was off, it reads the page anew and puts the fresh content of #queue-live (an
// aria-live="polite" region) and the fresh title in place. The button #queue-auto, hidden without this
// script, stops and restarts that; its labels are its data-off and data-on attributes. When the region names
// a called ticket (data-called), a phone that can vibrate does so once per ticket. Without this script the
// page is the same, and its "Vernieuwen" link reloads it.
(function () {
  "use strict";
  var live = document.getElementById("queue-live");
  var button = document.getElementById("queue-auto");
  if (!live || !button || !window.fetch || !window.DOMParser) return;
  var periodMs = 30000;
  var timer = null;

  function vibrateWhenCalled() {
    var ticket = live.getAttribute("data-called");
    if (!ticket) return;
    try {
      var key = "wp-called-" + ticket;
      if (navigator.vibrate && !sessionStorage.getItem(key)) {
        navigator.vibrate([400, 200, 400]);
        sessionStorage.setItem(key, "1");
      }
    } catch (e) {
      // No storage or no vibration: the page says it all the same.
    }
  }

  // Puts the page's fresh region and title in place; a failed or refused read keeps what is shown.
  function refresh() {
    fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var region = fresh.getElementById("queue-live");
        if (!region) return;
        var nodes = [];
        region.childNodes.forEach(function (n) { nodes.push(document.importNode(n, true)); });
        live.replaceChildren.apply(live, nodes);
        if (region.hasAttribute("data-called"))
          live.setAttribute("data-called", region.getAttribute("data-called"));
        else
          live.removeAttribute("data-called");
        if (fresh.title) document.title = fresh.title;
        vibrateWhenCalled();
      })
      .catch(function () {});
  }

  function start() {
    if (timer === null) timer = window.setInterval(refresh, periodMs);
    button.textContent = button.getAttribute("data-off");
  }

  function stop() {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    button.textContent = button.getAttribute("data-on");
  }

  button.addEventListener("click", function () {
    if (timer === null) {
      start();
      refresh();
    } else {
      stop();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && timer !== null) refresh();
  });
  button.hidden = false;
  start();
  vibrateWhenCalled();
})();
