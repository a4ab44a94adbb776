// The check-in desk (报到台) of a session's meeting. A refused check-in answers the form again with status 400 or 409
// and the reason, so those answers are swapped in like any other; after each answer the cursor is back in the box,
// ready for the next card number or name (a card scanner types the number and Enter).
(function () {
  'use strict';

  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    var target = event.detail.target;
    if ((status === 409 || status === 400) && target && (target.id === 'check-in' || target.id === 'leave')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    var form = event.detail.elt;
    if (form && form.id === 'check-in') {
      var box = document.getElementById('query');
      if (box) { box.focus(); box.select(); }
    }
  });
})();
