// Supervision pages (督查督办). A step on an item answers the item redrawn; a refusal answers it too, with status 409
// (or 400 for bad input) and the reasons at the top, so those answers are swapped in like any other. Files too large
// for a report are caught before they are sent; the server checks them again, with their content.
(function () {
  'use strict';

  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    var target = event.detail.target;
    if ((status === 409 || status === 400) && target && target.hasAttribute('data-swap-refusals')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The CSRF token also as a header: the server can then check it without reading an upload's body first.
  document.addEventListener('htmx:configRequest', function (event) {
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('form') : null;
    var token = form ? form.querySelector('input[name="_csrf"]') : null;
    if (token) {
      event.detail.headers['X-CSRF-TOKEN'] = token.value;
    }
  });

  document.addEventListener('htmx:afterSettle', function () {
    var errors = document.getElementById('item-errors') || document.getElementById('notice');
    if (!errors) {
      return;
    }
    var box = errors.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      errors.scrollIntoView({block: 'center'});
    }
  });

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
      return;
    }
    var limit = Number(input.getAttribute('data-max-bytes'));
    var message = '';
    Array.prototype.forEach.call(input.files || [], function (file) {
      if (!message && file.size > limit) {
        message = input.getAttribute('data-too-large') + ' ' + file.name;
      }
    });
    input.setCustomValidity(message);
    if (message) {
      input.reportValidity();
    }
  });
})();
