// Trainers' workspace editor, an enhancement only: the page works without it (plain textarea, Save and Preview
// buttons). With it: insert buttons put course-format snippets at the cursor, and the preview refreshes itself
// shortly after typing stops, using the same Preview handler (rendered by the course engine on the server).
(function () {
  'use strict';
  var form = document.querySelector('form.editor-form');
  var text = document.getElementById('file-text');
  var tools = document.getElementById('editor-tools');
  if (!form || !text || !tools) { return; }
  tools.hidden = false;

  tools.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-snippet]');
    if (!button) { return; }
    var start = text.selectionStart, end = text.selectionEnd;
    text.setRangeText(button.getAttribute('data-snippet'), start, end, 'end');
    text.focus();
    schedule();
  });

  var previewButton = form.querySelector('button[formaction*="handler=Preview"]');
  if (!previewButton || !window.fetch || !window.DOMParser) { return; }
  var timer = null, running = null;

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 800);
  }

  function replace(doc, id) {
    var fresh = doc.getElementById(id), current = document.getElementById(id);
    if (fresh && current) { current.replaceWith(fresh); }
    else if (fresh) { form.after(fresh); }
  }

  function refresh() {
    if (running) { running.abort(); }
    running = new AbortController();
    fetch(previewButton.formAction, { method: 'POST', body: new FormData(form), credentials: 'same-origin', signal: running.signal })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        replace(doc, 'problems');
        replace(doc, 'preview');
      })
      .catch(function () { /* a newer keystroke aborted this one, or the network failed: the buttons still work */ });
  }

  text.addEventListener('input', schedule);
})();
