// Progressive enhancement only: every page works without this file.
// A <select data-autosubmit> submits its form when changed, and the
// form's own submit button is hidden (it stays for keyboard and no-JS use).
// A <select data-explained-by="ID"> shows only the explanation (an element
// with data-class="VALUE" inside #ID) of the option chosen; without this
// file every explanation is listed.
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
