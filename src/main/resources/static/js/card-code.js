// The card's dynamic code: a fresh code image at every new minute (the server signs the minute), and when the page
// comes back into view. No inline script: the page's Content-Security-Policy allows none.
(function () {
  var img = document.querySelector('img.gh-dynamic-code');
  if (!img) { return; }
  var base = img.getAttribute('src').split('?')[0];
  function refresh() { img.setAttribute('src', base + '?t=' + Date.now()); }
  function untilNextMinute() { return 60000 - (Date.now() % 60000) + 200; }
  function schedule() { setTimeout(function () { refresh(); schedule(); }, untilNextMinute()); }
  schedule();
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { refresh(); } });
})();
