// The request page's public note: says beside the field, while typing, that a note which seems to hold a
// phone number, an e-mail address or a postcode will be refused (the same rules as the server's
// central/public_note_check.cpp, which decides). Without this script the server's answer says it.
(function () {
  "use strict";
  var note = document.getElementById("public-note");
  var message = document.getElementById("public-note-error");
  if (!note || !message) return;
  var digit = function (c) { return c >= "0" && c <= "9"; };
  var alnum = function (c) { return /[A-Za-z0-9]/.test(c); };
  var separator = function (c) { return " -.()/".indexOf(c) >= 0; };

  function phoneAt(s, i) {
    if (s[i] === "(") ++i;
    if (i >= s.length) return false;
    if (s[i] === "+") ++i;
    else if (s[i] !== "0") return false;
    var digits = 0, separators = 0;
    for (; i < s.length; ++i) {
      var c = s[i];
      if (digit(c)) { ++digits; separators = 0; }
      else if (separator(c) && separators < 2 && digits > 0) ++separators;
      else break;
      if (digits >= 9) return true;
    }
    return false;
  }

  function postcodeAt(s, i) {
    if (i + 6 > s.length || s[i] < "1" || s[i] > "9") return false;
    for (var k = 1; k < 4; ++k) if (!digit(s[i + k])) return false;
    var j = i + 4, space = s[j] === " ";
    if (space) ++j;
    if (j + 2 > s.length) return false;
    var upper = function (c) { return c >= "A" && c <= "Z"; };
    var lower = function (c) { return c >= "a" && c <= "z"; };
    var letters = (upper(s[j]) && upper(s[j + 1])) || (!space && lower(s[j]) && lower(s[j + 1]));
    return letters && (j + 2 === s.length || !alnum(s[j + 2]));
  }

  function emailAt(s, at) {
    if (at === 0 || !/[A-Za-z0-9._%+-]/.test(s[at - 1])) return false;
    var j = at + 1;
    while (j < s.length && /[A-Za-z0-9.-]/.test(s[j])) ++j;
    while (j > at + 1 && s[j - 1] === ".") --j;
    var lastDot = s.lastIndexOf(".", j - 1);
    if (lastDot <= at + 1) return false;
    var tld = 0;
    for (var k = lastDot + 1; k < j && /[A-Za-z]/.test(s[k]); ++k) ++tld;
    return tld >= 2;
  }

  function found(s) {
    for (var i = 0; i < s.length; ++i) {
      if (s[i] === "@" && emailAt(s, i)) return "een e-mailadres";
      if (i > 0 && alnum(s[i - 1])) continue;
      if (phoneAt(s, i)) return "een telefoonnummer";
      if (postcodeAt(s, i)) return "een postcode";
    }
    return "";
  }

  function check() {
    var what = found(note.value);
    if (what) {
      message.textContent = "Dit bericht lijkt " + what + " te bevatten. Iedereen met de code kan dit bericht " +
        "lezen. Zet contactgegevens in de interne notitie.";
      message.hidden = false;
      note.setAttribute("aria-invalid", "true");
    } else if (!message.dataset.server) {
      message.textContent = "";
      message.hidden = true;
      note.removeAttribute("aria-invalid");
    }
  }
  message.dataset.server = message.hidden ? "" : "1";
  note.addEventListener("input", function () { message.dataset.server = ""; check(); });
})();
