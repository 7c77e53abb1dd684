// Forms marked data-unsaved-changes: leaving the page while one holds text that was typed but not sent gets the
// browser's own "leave the page? changes may not be saved" question, as in other editors. An enhancement only.
// A form's text is unsaved when a field's value differs from what the page was served with (typing something and
// deleting it again is not a change); data-unsaved-changes="unsaved" says the server showed text it did not save
// (a refused save, a preview), so that text counts as unsaved from the start. The form's own submit never asks.
// Script-driven editors (EasyMDE in workspace-editor.js) keep their textarea's value in step, so they count too.
(function () {
  'use strict';
  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-unsaved-changes]'));
  if (forms.length === 0) { return; }
  var sent = null; // the form being submitted: its own text goes with it, another form's would be lost

  function changed(form) {
    if (form.getAttribute('data-unsaved-changes') === 'unsaved') { return true; }
    return Array.prototype.some.call(form.elements, function (field) {
      var typed = field.nodeName === 'TEXTAREA' || (field.nodeName === 'INPUT' && /^(text|search|email|url|number)$/.test(field.type));
      return typed && !field.readOnly && field.value !== field.defaultValue;
    });
  }

  document.addEventListener('submit', function (event) {
    if (forms.indexOf(event.target) >= 0) { sent = event.target; }
  });
  // Back to the page after its own submit (the browser may restore it from its cache): ask again from now on.
  window.addEventListener('pageshow', function () { sent = null; });

  window.addEventListener('beforeunload', function (event) {
    if (!forms.some(function (form) { return form !== sent && changed(form); })) { return; }
    event.preventDefault();
    event.returnValue = ''; // older browsers ask only when this is set
  });
})();
