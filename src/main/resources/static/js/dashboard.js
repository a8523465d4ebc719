// The 数说 dashboards' charts, drawn from the figure tables on the page (label and link: the row's first link) (the tables are the single source of the
// numbers; a chart is only their picture). Each [data-gh-charts] element gets one bar chart per kind of figure in
// the table after it (counts; amounts in yuan; ratios in per cent), this year against the year before; clicking a
// bar opens the figure's next level. No inline script: the Content-Security-Policy allows none.
(function () {
  'use strict';

  function rowsOf(holder) {
    var table = holder.parentElement.querySelector('table.gh-figures');
    return table ? Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-kind]')) : [];
  }

  // the rows carry the stored units: amounts in fen (shown in yuan), ratios as fractions (shown in per cent)
  function number(text, kind) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var value = Number(text);
    return kind === 'AMOUNT_FEN' ? value / 100 : kind === 'RATIO' ? Math.round(value * 1000) / 10 : value;
  }

  function link(row) {
    return row.querySelector('a');
  }

  function draw(holder, rows, dark) {
    if (!rows.length || typeof echarts === 'undefined') {
      return;
    }
    var box = document.createElement('div');
    box.className = 'gh-chart';
    box.style.height = Math.max(160, 34 * rows.length + 60) + 'px';
    holder.appendChild(box);
    var chart = echarts.init(box, dark ? 'dark' : null, {renderer: 'canvas'});
    var labels = rows.map(function (r) { return link(r).textContent.trim(); }).reverse();
    var values = rows.map(function (r) { return number(r.dataset.value, r.dataset.kind); }).reverse();
    var previous = rows.map(function (r) { return number(r.dataset.previous, r.dataset.kind); }).reverse();
    var hrefs = rows.map(function (r) { return link(r).href; }).reverse();
    chart.setOption({
      backgroundColor: 'transparent',
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {data: [holder.dataset.year, holder.dataset.previousYear], top: 0},
      grid: {left: 8, right: 16, top: 28, bottom: 8, containLabel: true},
      xAxis: {type: 'value'},
      yAxis: {type: 'category', data: labels, axisLabel: {width: 110, overflow: 'truncate'}},
      series: [
        {name: holder.dataset.year, type: 'bar', data: values, itemStyle: {color: '#c8102e'}},
        {name: holder.dataset.previousYear, type: 'bar', data: previous, itemStyle: {color: '#adb5bd'}}
      ]
    });
    chart.on('click', function (event) {
      var href = hrefs[event.dataIndex];
      if (href) {
        window.location.href = href;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var dark = document.body.classList.contains('gh-wall');
  document.querySelectorAll('[data-gh-charts]').forEach(function (holder) {
    var rows = rowsOf(holder);
    ['COUNT', 'AMOUNT_FEN', 'RATIO'].forEach(function (kind) {
      draw(holder, rows.filter(function (r) { return r.dataset.kind === kind; }), dark);
    });
  });

  // the year picker shows the chosen year at once
  document.querySelectorAll('[data-gh-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // "are you sure?" before freezing a year
  document.querySelectorAll('[data-gh-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.confirm(button.dataset.ghConfirm)) {
        event.preventDefault();
      }
    });
  });
  document.querySelectorAll('[data-gh-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  // the wall screen reloads its figures every five minutes (the refresh job's pace)
  if (document.body.dataset.ghWall === 'reload') {
    window.setTimeout(function () { window.location.reload(); }, 5 * 60 * 1000);
  }
}());
