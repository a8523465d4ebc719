// Countdowns to an opening time: elements with data-until (epoch millis); data-reload reloads the page at zero.
(function () {
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    document.querySelectorAll('.gh-countdown[data-until]').forEach(function (el) {
      var left = Math.max(0, Number(el.dataset.until) - Date.now());
      var s = Math.floor(left / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
          m = Math.floor(s % 3600 / 60), sec = s % 60;
      el.textContent = (d > 0 ? d + 'd ' : '') + pad(h) + ':' + pad(m) + ':' + pad(sec);
      if (left === 0 && el.dataset.reload && !el.dataset.reloaded) { el.dataset.reloaded = '1'; location.reload(); }
    });
  }
  tick();
  setInterval(tick, 1000);
})();
