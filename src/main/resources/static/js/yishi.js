// Small behaviours for Yishi's pages: repeatable form rows and copying a readout. No inline scripts are used,
// so a strict Content-Security-Policy can be applied.
(function () {
  'use strict';

  // Renumber the names of the rows inside a repeatable list so that indices stay contiguous: items[0].x, items[1].x…
  function renumber(list) {
    var prefix = list.getAttribute('data-prefix');
    list.querySelectorAll(':scope > .row-item').forEach(function (row, index) {
      row.querySelectorAll('[name]').forEach(function (field) {
        field.name = field.name.replace(new RegExp('^' + prefix + '\\[\\d+\\]'), prefix + '[' + index + ']');
      });
      var number = row.querySelector('.row-number');
      if (number) { number.textContent = String(index + 1); }
    });
  }

  document.addEventListener('click', function (event) {
    var confirmed = event.target.closest('[data-confirm]');
    if (confirmed && !window.confirm(confirmed.getAttribute('data-confirm'))) {
      event.preventDefault();
      return;
    }
    var add = event.target.closest('[data-add-row]');
    if (add) {
      event.preventDefault();
      var list = document.getElementById(add.getAttribute('data-add-row'));
      var template = document.getElementById(list.getAttribute('data-template'));
      list.appendChild(template.content.cloneNode(true));
      renumber(list);
      var fresh = list.lastElementChild && list.lastElementChild.querySelector('input, textarea, select');
      if (fresh) { fresh.focus(); }
      return;
    }
    var remove = event.target.closest('[data-remove-row]');
    if (remove) {
      event.preventDefault();
      var row = remove.closest('.row-item');
      var parent = row.parentElement;
      row.remove();
      renumber(parent);
      return;
    }
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      event.preventDefault();
      var source = document.getElementById(copy.getAttribute('data-copy'));
      var text = source.value !== undefined ? source.value : source.textContent;
      var done = function () {
        var label = copy.getAttribute('data-copied');
        var before = copy.textContent;
        copy.textContent = label;
        setTimeout(function () { copy.textContent = before; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        source.select();
        document.execCommand('copy');
        done();
      }
    }
  });
})();
