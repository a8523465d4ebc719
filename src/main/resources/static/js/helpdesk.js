// The 12351 request forms (member portal and staff registration) show only what the choice needs: the sub-types of
// the chosen type, the chosen sub-type's extra fields, and "against my employer" for complaints only. Every
// sub-type's fields are on the page (it works without script); the others are hidden and disabled, so not sent.
(function () {
  var type = document.querySelector('[data-helpdesk-type]');
  var subtype = document.querySelector('[data-helpdesk-subtype]');
  if (!type || !subtype) {
    return;
  }
  var employer = document.querySelector('[data-helpdesk-employer]');
  function show(element, on) {
    element.hidden = !on;
    if (element.tagName === 'FIELDSET') {
      element.disabled = !on;
    }
  }
  function subtypes() {
    var keep = false;
    Array.prototype.forEach.call(subtype.options, function (option) {
      var of = option.getAttribute('data-type');
      var on = !of || of === type.value;
      option.hidden = !on;
      option.disabled = !on;
      if (on && option.selected && option.value) {
        keep = true;
      }
    });
    if (!keep) {
      subtype.value = '';
      var first = Array.prototype.find.call(subtype.options, function (o) { return o.value && !o.disabled; });
      if (first) {
        subtype.value = first.value;
      }
    }
  }
  function fields() {
    document.querySelectorAll('fieldset[data-subtype]').forEach(function (set) {
      show(set, set.getAttribute('data-subtype') === subtype.value);
    });
    if (employer) {
      var complaint = type.value === 'COMPLAINT';
      employer.hidden = !complaint;
      var box = employer.querySelector('input');
      if (box) {
        box.disabled = !complaint;
      }
    }
  }
  document.querySelectorAll('fieldset[data-subtype] legend').forEach(function (legend) { legend.hidden = true; });
  type.addEventListener('change', function () { subtypes(); fields(); });
  subtype.addEventListener('change', fields);
  subtypes();
  fields();
})();
