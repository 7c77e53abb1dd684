// Trainers' workspace editor, an enhancement only: the page works without it (plain textarea, Save and Preview
// buttons). With it: a lesson's textarea becomes a Markdown editor (EasyMDE, vendored in /lib/easymde, see README),
// insert buttons put course-format snippets at the cursor (never into the front matter), and the preview refreshes itself shortly after typing
// stops, using the same Preview handler (rendered by the course engine on the server). The textarea stays in the
// form and is kept in step with the editor, so Save and Preview post the editor's text.
(function () {
  'use strict';
  var form = document.querySelector('form.editor-form');
  var text = document.getElementById('file-text');
  var tools = document.getElementById('editor-tools');
  if (!form || !text) { return; }
  // The server marks the file's kind; the insert buttons are lesson Markdown, so a YAML file never shows them.
  var markdown = text.getAttribute('data-markdown') === 'true';

  var editor = enhance(text);

  if (tools && markdown) {
    tools.hidden = false;
    tools.addEventListener('click', insert);
  }

  function insert(event) {
    var button = event.target.closest('button[data-snippet]');
    if (!button) { return; }
    var snippet = button.getAttribute('data-snippet');
    if (editor) {
      var value = editor.getValue();
      var cursor = editor.indexFromPos(editor.getCursor('from'));
      if (cursor < bodyStart(value)) {
        var end = editor.posFromIndex(value.length);
        editor.replaceRange(paragraphBreak(value) + snippet, end, end);
        editor.setCursor(editor.posFromIndex(editor.getValue().length));
      } else {
        editor.replaceSelection(snippet, 'end');
      }
      editor.focus();
    } else {
      if (text.selectionStart < bodyStart(text.value)) {
        text.setRangeText(paragraphBreak(text.value) + snippet, text.value.length, text.value.length, 'end');
      } else {
        text.setRangeText(snippet, text.selectionStart, text.selectionEnd, 'end');
      }
      text.focus();
    }
    schedule();
  }

  // Where the lesson's text begins: after the front matter (a first line "---" up to the next "---" line). A
  // snippet inside or above it would break the lesson, and the cursor is at its very start until the editor is
  // clicked (always so for a keyboard user going from the buttons), so such a snippet goes to the end instead.
  function bodyStart(value) {
    var match = /^---[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|$)/.exec(value);
    return match ? match[0].length : 0;
  }

  function paragraphBreak(value) {
    if (value === '' || /\n\n$/.test(value)) { return ''; }
    return /\n$/.test(value) ? '\n' : '\n\n';
  }

  // The front matter (from a first line "---" to the next "---") is YAML, not Markdown. Left to the Markdown mode, its
  // closing "---" underlines the line above it as a heading ("minutes: 10" shown big and bold). This mode shows the
  // front matter as plain keys and values and hands everything after it to the Markdown mode EasyMDE set up.
  function frontMatterAware(cm) {
    var CodeMirror = cm.constructor;
    if (!CodeMirror || !CodeMirror.defineMode || !CodeMirror.getMode) { return; }
    var markdownSpec = cm.getOption('mode');
    var fence = /^---[ \t]*$/;
    CodeMirror.defineMode('lesson-with-front-matter', function (config) {
      var markdown = CodeMirror.getMode(config, markdownSpec);
      return {
        // part: 0 before the first line, 1 inside the front matter, 2 the lesson's Markdown.
        startState: function () { return { part: 0, markdown: CodeMirror.startState(markdown) }; },
        copyState: function (state) { return { part: state.part, markdown: CodeMirror.copyState(markdown, state.markdown) }; },
        token: function (stream, state) {
          if (state.part < 2 && stream.sol() && stream.match(fence)) {
            state.part = state.part === 0 ? 1 : 2;
            return 'meta';
          }
          if (state.part === 0) { state.part = 2; }
          if (state.part === 1) {
            if (stream.sol() && stream.match(/^[A-Za-z_][\w-]*:/)) { return 'atom'; }
            stream.skipToEnd();
            return null;
          }
          return markdown.token(stream, state.markdown);
        },
        blankLine: function (state) {
          if (state.part === 0) { state.part = 2; }
          if (state.part === 2 && markdown.blankLine) { return markdown.blankLine(state.markdown); }
          return null;
        },
        innerMode: function (state) { return state.part === 2 ? { state: state.markdown, mode: markdown } : { state: state, mode: this }; }
      };
    });
    cm.setOption('mode', 'lesson-with-front-matter');
  }

  // EasyMDE's CodeMirror on lessons (Markdown); YAML files keep the plain textarea. No network: no icon font,
  // no spell-check dictionaries, no toolbar of its own (the insert buttons above are the toolbar).
  function enhance(textarea) {
    if (!window.EasyMDE || textarea.getAttribute('data-markdown') !== 'true') { return null; }
    var mde = new window.EasyMDE({
      element: textarea,
      autoDownloadFontAwesome: false,
      spellChecker: false,
      nativeSpellcheck: false,
      toolbar: false,
      status: false,
      forceSync: true,
      previewImagesInEditor: false,
      indentWithTabs: false,
      tabSize: 2,
      minHeight: '20rem',
      shortcuts: { togglePreview: null, toggleSideBySide: null, toggleFullScreen: null }
    });
    var cm = mde.codemirror;
    frontMatterAware(cm);
    // EasyMDE marks its container role="application", which would switch screen readers out of their normal
    // reading mode for the whole area; the editable field inside is an ordinary labelled text field.
    cm.getWrapperElement().parentNode.removeAttribute('role');
    // Tab and Shift+Tab move focus on, as in the textarea, so a keyboard user is never trapped in the editor
    // (WCAG 2.1.2). Indent with spaces; lists continue on Enter.
    var keys = Object.assign({}, cm.getOption('extraKeys'), { 'Tab': false, 'Shift-Tab': false });
    cm.setOption('extraKeys', keys);
    // The visible label names the editor's input: CodeMirror's own textarea on desktops, a contenteditable
    // element (a multi-line textbox) on phones. The original textarea is hidden and keeps only the form's value.
    var label = document.querySelector('label[for="file-text"]');
    var input = cm.getInputField();
    input.id = 'file-text-editor';
    if (label) {
      label.id = 'file-text-label';
      if (input.nodeName === 'TEXTAREA') {
        label.htmlFor = input.id;
      } else {
        label.removeAttribute('for');
        input.setAttribute('role', 'textbox');
        input.setAttribute('aria-multiline', 'true');
        input.setAttribute('aria-labelledby', label.id);
        label.addEventListener('click', function () { cm.focus(); });
      }
    }
    // The file's text is in the course's language, as the textarea says; the editor's lines and input say so too.
    if (textarea.lang) { cm.getWrapperElement().lang = textarea.lang; }
    if (textarea.hasAttribute('aria-describedby')) {
      input.setAttribute('aria-describedby', textarea.getAttribute('aria-describedby'));
    }
    cm.on('change', function () { cm.save(); schedule(); });
    return cm;
  }

  var previewButton = form.querySelector('button[formaction*="handler=Preview"]');
  var timer = null, running = null;

  function schedule() {
    if (!previewButton || !window.fetch || !window.DOMParser) { return; }
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
