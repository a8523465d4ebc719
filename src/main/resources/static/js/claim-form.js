// The mutual-aid claim form shows only the chosen plan's fields. The server renders the plan chosen (the page
// works without script: "Choose" reloads it); this switches at once when the member picks another plan.
// Fields of other plans are hidden and disabled, so they are neither required nor sent.
(function () {
  var select = document.getElementById('project');
  var chosen = document.getElementById('chosen-project');
  if (!select || !chosen) {
    return;
  }
  function show(element, on) {
    element.hidden = !on;
    if (element.tagName === 'FIELDSET') {
      element.disabled = !on;
    }
  }
  function apply() {
    var option = select.options[select.selectedIndex];
    var kind = option ? option.getAttribute('data-kind') : null;
    chosen.value = select.value;
    document.querySelectorAll('[data-gh-kind]').forEach(function (el) {
      show(el, el.getAttribute('data-gh-kind') === kind);
    });
    document.querySelectorAll('[data-gh-project]').forEach(function (el) {
      show(el, el.getAttribute('data-gh-project') === select.value);
    });
    document.querySelectorAll('[data-testid=checklist], [data-testid=checklist-other]').forEach(function (list) {
      var card = list.closest('[data-gh-project]');
      list.setAttribute('data-testid', card && !card.hidden ? 'checklist' : 'checklist-other');
    });
  }
  document.querySelectorAll('.gh-js-hide').forEach(function (el) { el.hidden = true; });
  select.addEventListener('change', apply);
  apply();
})();
