// The example's parameter form, the one owner of its fields: each parameter `name` is the
// control `param-NAME` with its message in `param-NAME-error`. Values from the form, a link
// or the embedding page all go through the same checks here before anything uses them.

import { $, element } from './dom.js';
import { clipped } from './link.js';
import { formatNumber, t } from './i18n.js';

const controlOf = (name) => $(`param-${name}`);
const errorOf = (name) => $(`param-${name}-error`);

/** Whether the form on screen has a field `name`. */
export const hasField = (name) => controlOf(name) !== null;

/** The example's fields, with the values in `query` or their defaults; their labels are
 * labelFields's, in the current language. */
export function renderFields(example, query) {
  const fields = (example.params ?? []).map((param) => {
    const id = `param-${param.name}`;
    const given = query.get(param.name);
    const value = given ?? String(param.default);
    let control;
    if (param.type === 'choice') {
      control = element('select', { id, name: param.name },
        param.choices.map(([v]) => element('option', { value: v })));
    } else if (param.type === 'text') {
      control = element('input', {
        id, name: param.name, type: 'text', required: true, maxLength: param.maxLength,
      });
    } else {
      control = element('input', {
        id, name: param.name, type: 'number', inputMode: 'numeric', required: true,
        min: String(param.min), max: String(param.max), step: '1',
      });
    }
    setControl(control, param, value);
    const error = element('span', { id: `${id}-error`, className: 'field-error' });
    control.setAttribute('aria-describedby', error.id);
    return element('div', { className: 'field' }, [
      element('label', { htmlFor: id }), control, error,
    ]);
  });
  $('param-fields').replaceChildren(...fields);
}

/** Labels and choice texts in the current language (`texts`: the example's, from i18n.js);
 * on a change of language the fields keep their values. */
export function labelFields(example, texts) {
  for (const param of example.params ?? []) {
    document.querySelector(`label[for="param-${param.name}"]`).textContent = texts.paramLabel(param.name);
    for (const option of controlOf(param.name).options ?? []) {
      option.textContent = option.classList.contains('not-a-choice')
        ? notAChoiceLabel(option.value) : texts.choiceLabel(param.name, option.value);
    }
  }
}

/** Sets field `name` to `value`, whatever a link or a host page gave. */
export function setField(example, name, value) {
  setControl(controlOf(name), example.params.find((param) => param.name === name), value);
}

/** A choice that is not one stays visible as an option of its own, so that it is refused
 * like any other bad value, rather than silently replaced. */
function setControl(control, param, value) {
  if (param.type === 'choice') {
    control.querySelector('option.not-a-choice')?.remove();
    if (!param.choices.some(([v]) => v === value)) {
      control.append(element('option', { value, className: 'not-a-choice' }));
    }
  }
  control.value = value;
}

/** How a value that is not a choice is shown in its menu. */
const notAChoiceLabel = (value) => t('notAChoice', { value: clipped(value, 25) });

/** The form's values, or null after marking each invalid field with its message. */
/** Whether `text` is no number at all (empty, or not one): what a number field refuses
 * first. */
export const notANumber = (text) => text.trim() === '' || !Number.isFinite(Number(text));

export function readFields(example) {
  const values = {};
  let valid = true;
  for (const param of example.params ?? []) {
    const control = controlOf(param.name);
    let message = '';
    if (param.type === 'choice') {
      values[param.name] = control.value;
      if (!param.choices.some(([value]) => value === control.value)) {
        message = t('oneOf', { values: param.choices.map(([value]) => value).join(', ') });
      }
    } else if (param.type === 'text') {
      // Checked by the crate, whose message shows if it refuses the text.
      values[param.name] = control.value;
      if (!control.value.trim()) message = t('enterValue');
    } else {
      const number = Number(control.value);
      if (notANumber(control.value)) message = t('enterNumber');
      else if (!Number.isInteger(number)) message = t('enterWholeNumber');
      else if (number < param.min || number > param.max) {
        message = t('between', { min: formatNumber(param.min), max: formatNumber(param.max) });
      }
      values[param.name] = number;
    }
    showFieldError(param.name, message);
    if (message) valid = false;
  }
  return valid ? values : null;
}

/** The fields as they stand, valid or not, as a link writes them. */
export function fieldTexts(example) {
  return Object.fromEntries((example.params ?? []).map((param) => [param.name, controlOf(param.name).value]));
}

/** Shows `message` under the field `name` and marks it invalid; '' clears both. */
export function showFieldError(name, message) {
  errorOf(name).textContent = message;
  controlOf(name).toggleAttribute('aria-invalid', message !== '');
}

/** Each invalid field's message, by parameter name. */
export function fieldErrors(example) {
  return Object.fromEntries((example.params ?? [])
    .map((param) => [param.name, errorOf(param.name).textContent])
    .filter(([, message]) => message));
}
