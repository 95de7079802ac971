// Progressive enhancement only: every page works without this file.
// A <select data-autosubmit> submits its form when changed, and the
// form's own submit button is hidden (it stays for keyboard and no-JS use).
// A <select data-explained-by="ID"> shows only the explanation (an element
// with data-class="VALUE" inside #ID) of the option chosen; without this
// file every explanation is listed.
// A <form data-upload-progress> holding a [data-upload-status] region is
// sent in the background: a progress bar while the file goes up, a
// message while the server checks and loads it, then the answer's page
// (without this file the form posts as usual).
document.addEventListener("DOMContentLoaded", function () {
  // A <button data-print hidden> prints the page (browsers' own print
  // works without this file, so the button only shows with it).
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    var form = select.form;
    if (!form) return;
    var button = form.querySelector("button[type=submit]");
    if (button) button.classList.add("visually-hidden");
    select.addEventListener("change", function () { form.submit(); });
  });
  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    var status = form.querySelector("[data-upload-status]");
    if (!status || !window.XMLHttpRequest || !window.FormData) return;
    var bar = status.querySelector("progress");
    var said = status.querySelector("[role=status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var buttons = form.querySelectorAll("button[type=submit]");
      buttons.forEach(function (b) { b.disabled = true; });
      status.hidden = false;
      bar.value = 0;
      said.textContent = said.getAttribute("data-sending") + " 0 %";
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((100 * e.loaded) / e.total);
        bar.value = percent;
        said.textContent = said.getAttribute("data-sending") + " " + percent + " %";
      });
      xhr.upload.addEventListener("load", function () {
        bar.removeAttribute("value");
        said.textContent = said.getAttribute("data-processing");
      });
      xhr.addEventListener("load", function () {
        // A redirect (the roster import's progress page): show its address.
        if (xhr.responseURL && xhr.responseURL !== form.action) history.replaceState(null, "", xhr.responseURL);
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        bar.value = 0;
        said.textContent = said.getAttribute("data-failed");
        buttons.forEach(function (b) { b.disabled = false; });
      });
      xhr.send(new FormData(form));
    });
  });
  document.querySelectorAll("select[data-explained-by]").forEach(function (select) {
    var list = document.getElementById(select.getAttribute("data-explained-by"));
    if (!list) return;
    var show = function () {
      list.querySelectorAll("[data-class]").forEach(function (item) {
        item.hidden = item.getAttribute("data-class") !== select.value;
      });
    };
    select.addEventListener("change", show);
    show();
  });
});
