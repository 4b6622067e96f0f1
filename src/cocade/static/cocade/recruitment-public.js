// The ranked choices of a speed recruitment: only the filled selects and the next empty one
// are shown, and a company already chosen at another rank cannot be picked again. Without
// this file every select is shown and the server refuses a company chosen twice.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-recruitment-choices]").forEach((fieldset) => {
    const selects = Array.from(fieldset.querySelectorAll("select"));
    const companyOf = (option) => {
      if (!option.value) return "";
      const group = option.parentElement;
      return group && group.tagName === "OPTGROUP" ? group.label : option.value;
    };
    const refresh = () => {
      const taken = new Map();
      selects.forEach((select) => {
        const company = companyOf(select.selectedOptions[0] || select.options[0]);
        if (company) taken.set(company, select);
      });
      let emptyShown = false;
      selects.forEach((select) => {
        Array.from(select.options).forEach((option) => {
          const owner = taken.get(companyOf(option));
          option.disabled = Boolean(owner) && owner !== select;
        });
        const field = select.closest(".field");
        const hasError = field && field.classList.contains("field-invalid");
        const empty = !select.value;
        if (field) field.classList.toggle("is-hidden", empty && emptyShown && !hasError);
        if (empty) emptyShown = true;
      });
    };
    selects.forEach((select) => select.addEventListener("change", refresh));
    refresh();
  });
});
