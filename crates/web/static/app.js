// Progressive enhancement only: every page works without this file.
// A <select data-autosubmit> submits its form when changed, and the
// form's own submit button is hidden (it stays for keyboard and no-JS use).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    var form = select.form;
    if (!form) return;
    var button = form.querySelector("button[type=submit]");
    if (button) button.classList.add("visually-hidden");
    select.addEventListener("change", function () { form.submit(); });
  });
});
