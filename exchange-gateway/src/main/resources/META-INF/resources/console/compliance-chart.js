// Draws the compliance chart from the numbers the page carries in data attributes (the CSP allows no inline script).
(function () {
  'use strict';
  var area = document.getElementById('compliance-chart');
  if (!area || typeof uPlot === 'undefined') {
    return;
  }
  var numbers = function (text) {
    return text ? text.split(',').map(Number) : [];
  };
  var x = numbers(area.dataset.x);
  var labels = (area.dataset.labels || '').split(',');
  var colours = { COMPLIANT: '#1b7f3b', LATE: '#b3261e', INCOMPLETE: '#8a5a00', PENDING: '#3b5bab' };
  var data = [x];
  var series = [{ label: area.dataset.monthLabel, value: function (u, v, s, i) { return i == null ? '' : labels[i]; } }];
  area.querySelectorAll('[data-series]').forEach(function (s) {
    data.push(numbers(s.dataset.values));
    series.push({
      label: s.dataset.label,
      stroke: colours[s.dataset.series] || '#333',
      width: 2,
      points: { show: true, size: 6 }
    });
  });
  var chart;
  var draw = function () {
    var width = Math.max(280, Math.min(area.parentElement.clientWidth, 960));
    if (chart) {
      chart.setSize({ width: width, height: 260 });
      return;
    }
    chart = new uPlot({
      width: width,
      height: 260,
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{}, { values: function (u, ticks) { return ticks.map(function (t) { return Number.isInteger(t) ? t : ''; }); } }],
      series: series
    }, data, area);
  };
  draw();
  window.addEventListener('resize', draw);
}());
