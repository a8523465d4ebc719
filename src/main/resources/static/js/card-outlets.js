// Discounts near me: on the member's press only, ask the browser for the position (the browser asks for consent),
// put it in the search form and send it. Without a position the member picks a district instead.
(function () {
  var button = document.querySelector('[data-locate]');
  if (!button) {
    return;
  }
  var form = document.getElementById('outlet-search');
  var failed = document.querySelector('[data-locate-failed]');
  button.addEventListener('click', function () {
    if (!navigator.geolocation) {
      failed.classList.remove('d-none');
      return;
    }
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = document.getElementById('lat');
      var lng = document.getElementById('lng');
      lat.value = position.coords.latitude.toFixed(6);
      lng.value = position.coords.longitude.toFixed(6);
      lat.disabled = false;
      lng.disabled = false;
      document.getElementById('district').disabled = true;
      form.submit();
    }, function () {
      button.disabled = false;
      failed.classList.remove('d-none');
    }, {enableHighAccuracy: false, timeout: 10000, maximumAge: 60000});
  });
})();
