// "Share / embed": the link to the example with the form's values, and an iframe snippet
// for a course page.

import { $ } from './dom.js';
import { fieldTexts } from './form.js';
import { currentLanguage, exampleTexts, t } from './i18n.js';
import { optionsQuery } from './page-options.js';

/** The page's URL for `example` with the form's current values, as a deep link; embedded,
 * with the course's options (page-options.js). */
export function exampleUrl(example, { embed = false, options = {} } = {}) {
  const query = new URLSearchParams(fieldTexts(example)).toString();
  const url = new URL(location.href);
  url.search = embed ? optionsQuery({ embed: '', ...options }) : '';
  url.hash = query ? `${example.id}?${query}` : example.id;
  return url.href;
}

/** The options the share panel's course fieldset sets: each left out at its default. */
function courseOptions() {
  // An embed made in Spanish stays Spanish for every learner unless the teacher says
  // otherwise; one made in English follows each learner's browser.
  if (!$('course-lang').dataset.chosen) $('course-lang').value = currentLanguage() === 'es' ? 'es' : '';
  return {
    lang: $('course-lang').value || null,
    questions: $('course-questions').checked ? null : 'off',
    explain: $('course-explain').checked ? null : 'off',
    code: $('course-code').checked ? 'on' : null,
    run: $('course-run').checked ? 'load' : null,
  };
}

/** An iframe that fits its height to the example's (the `playground:height` messages),
 * so that the course page never shows a frame scrolling inside the page; the height
 * given is the first one only, and the one kept where scripts are stripped. */
export function embedSnippet(id, url, title) {
  const frameId = `playground-${id}`;
  return `<iframe id="${frameId}" src="${url}" title="${title}" width="100%" height="900" ` +
    'style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>\n' +
    '<!-- In a sandboxed frame: sandbox="allow-scripts allow-same-origin allow-popups" ' +
    '(allow-scripts at the least) -->\n' +
    '<script>addEventListener("message", (event) => {\n' +
    `  const frame = document.getElementById("${frameId}");\n` +
    '  if (event.source === frame?.contentWindow && event.data?.type === "playground:height") ' +
    'frame.style.height = event.data.height + "px";\n' +
    '});</script>';
}

/** Copies a share field's text; where the clipboard is refused (a sandboxed frame, an
 * insecure page) the text is selected, for Ctrl+C. */
async function copyField(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    $('copied').textContent = t('copied');
  } catch {
    field.focus();
    field.select();
    $('copied').textContent = t('copyByHand');
  }
}

/** The share panel's fields and links for `example`, as the form stands. */
export function updateShare(example) {
  if (!example) return;
  const url = exampleUrl(example);
  $('share-url').value = url;
  const title = t('embedTitle', { title: exampleTexts(example).title }).replaceAll('"', '&quot;');
  const embedUrl = exampleUrl(example, { embed: true, options: courseOptions() });
  $('share-embed').value = embedSnippet(example.id, embedUrl, title);
  const preview = $('share-preview');
  if (!preview.hidden && preview.src !== embedUrl) preview.src = embedUrl;
  $('open-full').href = url;
  $('isolation-open-full').href = url;
}

/** The panel's buttons; `current()` is the example on screen. */
export function setUpShare(current) {
  $('share').addEventListener('click', () => {
    const panel = $('share-panel');
    panel.hidden = !panel.hidden;
    $('share').setAttribute('aria-expanded', String(!panel.hidden));
    updateShare(current());
    if (!panel.hidden) $('share-url').select();
  });
  $('params').addEventListener('input', () => updateShare(current()));
  $('copy-url').addEventListener('click', () => copyField($('share-url')));
  $('copy-embed').addEventListener('click', () => copyField($('share-embed')));
  $('course-options').addEventListener('change', (event) => {
    if (event.target.id === 'course-lang') $('course-lang').dataset.chosen = 'yes';
    updateShare(current());
  });
  $('share-preview-toggle').addEventListener('click', () => {
    const preview = $('share-preview');
    preview.hidden = !preview.hidden;
    $('share-preview-toggle').setAttribute('aria-expanded', String(!preview.hidden));
    // Loaded only when asked for: the preview is a whole second playground.
    if (preview.hidden) preview.removeAttribute('src');
    else updateShare(current());
  });
}
