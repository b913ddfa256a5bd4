// The code panes: the Rust that runs beside the Python original, one tab per file
// (WAI-ARIA tabs: arrow keys move between them), highlighted.

import { $, element } from './dom.js';
import { highlighted, languageOf } from './highlight.js';

const sourceTexts = new Map(); // url → Promise<string>, fetched once per page

function fetchSource(url) {
  if (!sourceTexts.has(url)) {
    sourceTexts.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.text();
    }));
  }
  return sourceTexts.get(url);
}

/** The pane `codeId` with its tabs in `tabsId`, one per file of `files` ({name, url});
 * `stillShown()` tells whether the example is still on screen when a file arrives. */
async function renderSourcePane(tabsId, codeId, files, stillShown) {
  const tablist = $(tabsId);
  const code = $(codeId).querySelector('code');
  const tabs = files.map((file, index) => {
    const tab = element('button', {
      type: 'button', className: 'tab', textContent: file.name, id: `${tabsId}-${index}`,
    });
    tab.setAttribute('role', 'tab');
    tab.addEventListener('click', () => select(index));
    return tab;
  });
  tablist.replaceChildren(...tabs);
  tablist.onkeydown = (event) => {
    const index = tabs.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (index >= 0 && step) select((index + step + tabs.length) % tabs.length, true);
  };
  async function select(index, focus = false) {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (focus) tabs[index].focus();
    $(codeId).setAttribute('aria-labelledby', tabs[index].id);
    const text = await fetchSource(files[index].url);
    // Another tab may have been chosen while this file came.
    const selected = tabs[index].getAttribute('aria-selected') === 'true';
    if (stillShown() && selected) code.replaceChildren(highlighted(text, languageOf(files[index].name)));
  }
  code.textContent = '';
  $(codeId).closest('section').hidden = files.length === 0;
  if (files.length) await select(0);
}

/** Both panes of `example`: its Rust files (generated/rust/, the very sources compiled)
 * and its Python originals. */
export function renderCode(example, stillShown) {
  const rust = (example.rust ?? []).map((name) => ({ name, url: `generated/rust/${name}` }));
  const python = (example.python ?? []).map((name) => ({ name, url: `python/${name}` }));
  return Promise.all([
    renderSourcePane('rust-tabs', 'rust-code', rust, stillShown),
    renderSourcePane('python-tabs', 'python-code', python, stillShown),
  ]);
}
