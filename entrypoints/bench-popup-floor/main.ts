/**
 * The popup floor's keystroke (`npm run bench` only): what is typed is shown as the one
 * result, at once. The least a search box can do between an input event and a result.
 */
const input = document.querySelector('input')!;
const list = document.querySelector('[role=listbox]')!;
input.addEventListener('input', () => {
  const option = document.createElement('li');
  option.setAttribute('role', 'option');
  option.textContent = input.value;
  list.replaceChildren(option);
});
