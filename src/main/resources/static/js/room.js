// The meeting room (会议进行). Every action answers the room redrawn; a refusal answers it too, with status 409 (or 400
// for bad input) and the reasons at the top, so those answers are swapped in like any other. When the server pushes
// that the meeting changed (Server-Sent Events from any node, see MeetingRoomEvents), the room asks for itself again;
// not while the user is in the middle of typing or has a small form open, so nothing they entered is thrown away:
// the change waits until they are done. After a dropped connection the browser reconnects by itself, and the first
// event of the new stream makes the room catch up.
(function () {
  'use strict';

  function room() {
    return document.getElementById('room');
  }

  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if ((status === 409 || status === 400) && event.detail.target && event.detail.target.id === 'room') {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A refusal is shown where the user acted; bring it into view if it is not.
  document.addEventListener('htmx:afterSettle', function (event) {
    var errors = document.getElementById('room-errors');
    if (!errors) {
      return;
    }
    var box = errors.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      errors.scrollIntoView({block: 'center'});
    }
  });

  // Whether the user has started something in the room that a redraw would lose.
  function busy(element) {
    if (element.querySelector('details[open]')) {
      return true;
    }
    var active = document.activeElement;
    if (active && element.contains(active) && active.matches('input[type=text], input[type=number], textarea, select')) {
      return true;
    }
    var fields = element.querySelectorAll('input[type=text], input[type=number], textarea');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) {
        return true;
      }
    }
    var boxes = element.querySelectorAll('input[type=checkbox]');
    for (var j = 0; j < boxes.length; j++) {
      if (boxes[j].checked !== boxes[j].defaultChecked) {
        return true;
      }
    }
    var selects = element.querySelectorAll('select');
    for (var k = 0; k < selects.length; k++) {
      var options = selects[k].options;
      for (var o = 0; o < options.length; o++) {
        if (options[o].selected !== options[o].defaultSelected && options[o].value !== '') {
          return true;
        }
      }
    }
    return false;
  }

  // A change pushed while the user was busy waits here until they are done.
  var pending = false;

  function redraw() {
    var element = room();
    if (!pending || !element || busy(element)) {
      return;
    }
    pending = false;
    htmx.trigger(element, 'yishi:changed');
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    var element = event.detail.elt;
    if (element && element.id === 'room' && busy(element)) {
      event.preventDefault(); // the room's own redraw only; actions are issued by the forms inside
      pending = true;
    }
  });

  function follow() {
    var element = room();
    if (!element || !element.dataset.events || typeof EventSource === 'undefined') {
      return;
    }
    var changes = new EventSource(element.dataset.events);
    changes.addEventListener('changed', function () {
      pending = true;
      redraw();
    });
    window.addEventListener('pagehide', function () {
      changes.close();
    });
  }

  setInterval(redraw, 1000);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', follow);
  } else {
    follow();
  }

  // Opening the leave form of a member puts the cursor in its reason field.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.matches && details.matches('#room details') && details.open) {
      var field = details.querySelector('input[type=text], textarea');
      if (field) {
        field.focus();
      }
    }
  }, true);

  // Only one small form open at a time.
  document.addEventListener('click', function (event) {
    var summary = event.target.closest('#room details > summary');
    if (!summary || !room()) {
      return;
    }
    var mine = summary.parentElement;
    room().querySelectorAll('details[open]').forEach(function (other) {
      if (other !== mine && !other.contains(mine)) {
        other.open = false;
      }
    });
  });
})();
