// The supervision dashboard's charts (issue 5, part d). Each chart reads its figures from the table beside it
// (rows with data-key, data-label, data-value, data-link), so the page carries its data once and no inline script
// is needed under the Content-Security-Policy. A click on a bar or slice opens the row's link: the ledger filtered to
// what it counts, or the item. Tooltips are drawn on the canvas (richText), not as HTML with inline styles.
(function () {
  'use strict';

  var COLOURS = { GREEN: '#2e7d32', YELLOW: '#e0b000', ORANGE: '#ef7d00', RED: '#c62828' };
  var ACCENT = '#b71c1c';
  var charts = [];

  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr[data-key]'), function (tr) {
      return {
        key: tr.getAttribute('data-key'),
        name: tr.getAttribute('data-label'),
        value: Number(tr.getAttribute('data-value')),
        link: tr.getAttribute('data-link')
      };
    });
  }

  function base() {
    return {
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText' },
      grid: { left: 28, right: 28, top: 16, bottom: 8, containLabel: true },
      textStyle: { fontFamily: 'inherit' }
    };
  }

  function categories(data, horizontal, options) {
    var o = base();
    var category = { type: 'category', data: data.map(function (d) { return d.name; }),
      axisLabel: { interval: 0, hideOverlap: false } };
    var value = { type: 'value', minInterval: 1 };
    if (horizontal) {
      category.inverse = true;
      o.xAxis = value;
      o.yAxis = category;
    } else {
      category.axisLabel.rotate = data.length > 6 ? 35 : 0;
      o.xAxis = category;
      o.yAxis = value;
    }
    o.series = [{ type: 'bar', cursor: 'pointer', itemStyle: { color: options.color || ACCENT },
      label: { show: true, position: horizontal ? 'right' : 'top', formatter: options.label || '{c}' },
      data: data.map(function (d) { return { value: d.value, name: d.name, link: d.link }; }) }];
    if (options.max) { value.max = options.max; }
    return o;
  }

  var KINDS = {
    bar: function (data) { return categories(data, false, {}); },
    column: function (data) { return categories(data, false, { color: '#1d4ed8' }); },
    days: function (data) { return categories(data, true, {}); },
    rate: function (data) { return categories(data, true, { color: '#2e7d32', max: 100, label: '{c}%' }); },
    pie: function (data) {
      var o = base();
      o.series = [{ type: 'pie', radius: ['35%', '68%'], cursor: 'pointer', label: { formatter: '{b}\n{c}' },
        data: data.map(function (d) {
          return { value: d.value, name: d.name, link: d.link, itemStyle: { color: COLOURS[d.key] } };
        }) }];
      return o;
    }
  };

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    var kind = KINDS[element.getAttribute('data-chart')];
    if (!table || !kind || typeof echarts === 'undefined') { return; }
    var data = rows(table);
    if (element.classList.contains('chart-tall')) {
      // one band per unit: the chart grows with the number of units
      element.style.height = Math.max(240, data.length * 26 + 40) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(kind(data));
    chart.on('click', function (params) {
      if (params.data && params.data.link) { window.location.assign(params.data.link); }
    });
    element.setAttribute('data-drawn', String(data.length));
    charts.push(chart);
  }

  function start() {
    document.querySelectorAll('[data-chart]').forEach(draw);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
