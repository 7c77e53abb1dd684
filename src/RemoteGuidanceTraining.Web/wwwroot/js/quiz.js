// Quizzes on the lesson page, an enhancement only: without it a quiz is an ordinary form whose answer reloads the
// lesson. With it the same form data goes to the same address with fetch, and only what the answer changed is put
// in place: the quiz's section, the lesson's state line and the layout's messages (e.g. "course completed"). Text
// typed into a task or another quiz on the page stays, and the page does not reload and jump. Whenever the answer
// cannot be shown this way (no network, an error status, a sign-in page or another page instead of the lesson) the
// form is sent the ordinary way, so the participant sees what they would have seen without JavaScript.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var section = form.parentElement;
    if (!section || !section.matches('section.quiz[id^="quiz-"]') || form.getAttribute('method') !== 'post') { return; }
    event.preventDefault();
    if (form.getAttribute('data-sending') === 'true') { return; } // a double click sends once
    send(form, section);
  });

  // Back to a lesson that was left by the ordinary submit: the browser may restore it with the button still disabled.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll('section.quiz form[data-sending]').forEach(function (form) { sending(form, false); });
  });

  function send(form, section) {
    sending(form, true);
    // The form's own encoding (urlencoded), antiforgery token included; the #fragment never goes to the server.
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        // A redirect elsewhere (sign-in after the session ended, the lesson moved, not enrolled) is not this page. The
        // same lesson opened with a trailing slash comes back without it: that is still this page, and the answer
        // was saved, so it must not be sent again.
        if (!response.ok || samePath(new URL(response.url).pathname) !== samePath(location.pathname)) { throw new Error('not the lesson'); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById(section.id);
        if (!fresh || fresh.nodeName !== 'SECTION') { throw new Error('no quiz in the answer'); }
        show(section, fresh, page);
      })
      .catch(function () {
        // The ordinary submit (not requestSubmit, which would come back here); the server decides what comes next.
        HTMLFormElement.prototype.submit.call(form);
      });
  }

  function samePath(path) { return path.replace(/\/+$/, ''); }

  function sending(form, busy) {
    form.setAttribute('data-sending', busy ? 'true' : 'false');
    form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = busy; });
  }

  function show(section, fresh, page) {
    var fresher = document.importNode(fresh, true);
    section.replaceWith(fresher);
    replaceStateLine(page);
    var completed = replaceMessages(page);
    // The answer that completed the course opens the news first, as the reloaded page would (it has no #fragment).
    var target = completed || fresher.querySelector('.quiz-result') || fresher.querySelector('h2');
    if (!target) { return; }
    if (!target.hasAttribute('tabindex')) { target.setAttribute('tabindex', '-1'); }
    target.focus({ preventScroll: true });
    scrollIntoViewIfHidden(target);
  }

  function replaceStateLine(page) {
    var current = document.getElementById('lesson-state');
    var fresh = page.getElementById('lesson-state');
    if (current && fresh) { current.replaceWith(document.importNode(fresh, true)); }
  }

  // The layout's messages (status, warning, course completed: the only paragraphs straight in <main> on a lesson)
  // are for the latest request only: those of the page as it was opened go, the answer's come.
  var MESSAGES = ':scope > p.status, :scope > p.notice';

  function replaceMessages(page) {
    var main = document.getElementById('main');
    var freshMain = page.getElementById('main');
    if (!main || !freshMain) { return null; }
    main.querySelectorAll(MESSAGES).forEach(function (old) { old.remove(); });
    var completed = null;
    var first = main.firstChild;
    freshMain.querySelectorAll(MESSAGES).forEach(function (message) {
      var copy = document.importNode(message, true);
      main.insertBefore(copy, first);
      if (copy.classList.contains('course-completed')) { completed = copy; }
    });
    return completed;
  }

  // Only as far as needed: a result already on screen stays where it is, one above the screen comes to its top.
  function scrollIntoViewIfHidden(element) {
    var box = element.getBoundingClientRect();
    var height = window.innerHeight || document.documentElement.clientHeight;
    if (box.top < 0 || box.bottom > height) {
      element.scrollIntoView({ block: box.height > height ? 'start' : 'nearest' });
    }
  }
})();
