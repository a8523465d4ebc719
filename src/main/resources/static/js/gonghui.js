// Send the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// "Back" links (data-gh-back) go back in the history when there is one, else follow their href.
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('[data-gh-back]') : null;
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
