/* The header's search box as a combobox (WAI-ARIA 1.2 pattern: a text box with a list box
   of suggestions). Typing two or more characters asks /search/suggest/ for at most eight
   suggestions; Down and Up move through them, Enter opens the chosen one, Escape closes the
   list; a live region says how many there are. Without this script, or with nothing chosen,
   the box submits to /search/ as a plain form. The words are the page's language's, written
   by the server into the form's data attributes (templates/jinja2/archive/includes/
   _site_header.html): the list's name, and what the live region says for each number of
   suggestions, so that each language's plural forms come from its catalogue. */
(function () {
  "use strict";
  var form = document.querySelector("form.site-search[data-suggest]");
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var endpoint = form.getAttribute("data-suggest");
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var items = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  list.id = input.id + "-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.getAttribute("data-suggest-label"));
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(list);
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    var options = list.children;
    for (var i = 0; i < options.length; i += 1) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open(index) {
    window.location.assign(items[index].url);
  }

  function show(suggestions) {
    items = suggestions;
    list.textContent = "";
    suggestions.forEach(function (item, index) {
      var option = document.createElement("li");
      var detail = document.createElement("span");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.appendChild(document.createTextNode(item.label));
      detail.className = "muted";
      detail.textContent = item.detail;
      option.appendChild(detail);
      option.addEventListener("click", function () {
        open(index);
      });
      list.appendChild(option);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (suggestions.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    status.textContent = form.getAttribute("data-suggest-status-" + suggestions.length) || "";
  }

  function suggest() {
    var text = input.value.trim();
    var ask = ++asked;
    if (text.length < 2) {
      close();
      return;
    }
    fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .then(function (suggestions) {
        if (ask === asked) {
          show(suggestions);
        }
      })
      .catch(function () {
        close();
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", function (event) {
    var count = items.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) {
        if (count) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
      } else if (count) {
        // Past the last suggestion (or before the first) is the box itself (-1).
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= count) {
          next = -1;
        } else if (next < -1) {
          next = count - 1;
        }
        choose(next);
      }
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        open(active);
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  // Submitting the box (to /search/) needs no suggestions any more.
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    asked += 1;
  });
  input.addEventListener("blur", function () {
    window.setTimeout(close, 150);
  });
  // A click on a suggestion must not take the focus from the box first.
  list.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
})();
