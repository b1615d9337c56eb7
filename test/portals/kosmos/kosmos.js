// Replica behaviour of the Kosmos user record: the « Modifier la valeur » icon opens an inline
// editor in the value cell. Like a framework-bound form, what « Valider » saves is the value the
// page learnt through `input` events (its model), not whatever sits in the input: a fill that
// skips the events saves nothing.
document.addEventListener('click', (event) => {
  const edit = event.target.closest('a.modifier-valeur');
  if (!edit) return;
  event.preventDefault();
  // One school per table row, or per list item (markup variant « dl »).
  const cell = edit.closest('tr, li').querySelector('.valeur');
  if (cell.querySelector('.edition')) return;
  const original = cell.textContent.trim();
  const model = { value: original };
  // The editor shows up a little later, as an AJAX-driven page would render it.
  setTimeout(() => {
    if (cell.querySelector('.edition')) return;
    const form = document.createElement('span');
    form.className = 'edition';
    form.innerHTML = '<input type="text" maxlength="32"> <button type="button" class="valider" disabled>Valider</button> <button type="button" class="annuler">Annuler</button>';
    const input = form.querySelector('input');
    const valider = form.querySelector('.valider');
    input.value = original;
    input.addEventListener('input', () => { model.value = input.value; valider.disabled = false; });
    valider.addEventListener('click', () => {
      cell.textContent = model.value;
      const done = document.createElement('span');
      done.className = 'message-enregistre';
      done.textContent = ' Valeur enregistrée.';
      cell.append(done);
    });
    form.querySelector('.annuler').addEventListener('click', () => { cell.textContent = original; });
    cell.textContent = '';
    cell.append(form);
    input.focus();
  }, 150);
});
