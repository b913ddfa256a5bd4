// The code panes: the Rust that runs beside the Python original, one tab per file
// (WAI-ARIA tabs: arrow keys move between them), highlighted.

import { $, element } from './dom.js';
import { highlighted, languageOf } from './highlight.js';
import { t } from './i18n.js';

const sourceTexts = new Map(); // url → Promise<string>, fetched once per page
/** Per pane ('rust-code', 'python-code'): its files and the one shown. */
const panes = new Map();
/** The replay cursor's marks, kept so that a tab chosen later shows them too. */
let cursorMarks = [];

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
  panes.set(codeId, { files, shown: 0, select: (index) => select(index) });
  async function select(index, focus = false) {
    panes.get(codeId).shown = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (focus) tabs[index].focus();
    $(codeId).setAttribute('aria-labelledby', tabs[index].id);
    const text = await fetchSource(files[index].url);
    // Another tab may have been chosen while this file came.
    const selected = tabs[index].getAttribute('aria-selected') === 'true';
    if (stillShown() && selected) {
      code.replaceChildren(highlighted(text, languageOf(files[index].name)));
      await showMarks();
    }
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

/** The line of the Python original a Rust line names in its comment,
 * `// py: [file.py:]line text`: `{file, line}`, `file` null for "the original shown". */
export function pythonTwin(rustLine) {
  const match = rustLine.match(/\/\/ py: (?:([\w.-]+\.py):)?(\d+) /);
  return match ? { file: match[1] ?? null, line: Number(match[2]) } : null;
}

/** Marks the code at the replay cursor: `marks`, each `{site: {file, line}, kind}` ('running':
 * the await a running task resumes from; 'parked': one a task waits at), in the Rust pane
 * if its file is shown, and the Python line it names (`// py:`) in the Python pane, whose
 * tab turns to the file named when none of the marks is in the one shown. An empty list
 * clears them. The same is said in words under each pane. */
export function markCode(marks) {
  cursorMarks = marks;
  return showMarks();
}

async function showMarks() {
  const rust = panes.get('rust-code');
  const rustFile = rust?.files[rust.shown];
  const rustMarks = [];
  const twins = [];
  if (rustFile && cursorMarks.length) {
    const rustLines = (await fetchSource(rustFile.url)).split('\n');
    for (const { site, kind } of cursorMarks) {
      if (!site || !site.file.endsWith(`/${rustFile.name}`)) continue;
      rustMarks.push({ line: site.line, kind });
      const twin = pythonTwin(rustLines[site.line - 1] ?? '');
      if (twin) twins.push({ ...twin, kind });
    }
  }
  drawMarks('rust-code', rustMarks);
  const python = panes.get('python-code');
  const shown = python?.files[python.shown]?.name;
  const named = twins.filter((twin) => twin.file).map((twin) => twin.file);
  if (python && named.length && !named.includes(shown)) {
    const index = python.files.findIndex((file) => file.name === named[0]);
    // Selecting the tab draws the marks again, in that file.
    if (index >= 0 && index !== python.shown) return python.select(index);
  }
  drawMarks('python-code', twins.filter((twin) => !twin.file || twin.file === shown));
}

/** Highlights `marks` in pane `codeId` (one highlight per line, running over parked) and
 * says them in its caption. */
function drawMarks(codeId, marks) {
  const pane = $(codeId);
  pane.querySelectorAll('.line-mark').forEach((mark) => mark.remove());
  const byLine = new Map();
  for (const { line, kind } of marks) {
    const entry = byLine.get(line) ?? { line, running: false, parked: 0 };
    if (kind === 'running') entry.running = true;
    else entry.parked += 1;
    byLine.set(line, entry);
  }
  const entries = [...byLine.values()].sort((a, b) => a.line - b.line);
  for (const { line, running } of entries) {
    const mark = element('div', { className: `line-mark ${running ? 'running' : 'parked'}` });
    mark.style.setProperty('--line', String(line - 1));
    mark.setAttribute('aria-hidden', 'true');
    pane.append(mark);
  }
  const caption = $(`${codeId}-cursor`);
  caption.hidden = entries.length === 0;
  caption.textContent = entries.length === 0 ? '' : t('codeAtCursor', {
    lines: entries.map(({ line, running, parked }) => [
      running ? t('codeRunningLine', { line }) : null,
      parked ? t('codeParkedLine', { line, count: parked }) : null,
    ].filter(Boolean).join(', ')).join('; '),
  });
  const first = pane.querySelector('.line-mark.running') ?? pane.querySelector('.line-mark');
  if (first) scrollWithin(pane, first);
}

/** Scrolls the pane, and only the pane, to show `mark`. */
function scrollWithin(pane, mark) {
  const top = mark.offsetTop;
  if (top < pane.scrollTop || top + mark.offsetHeight > pane.scrollTop + pane.clientHeight) {
    pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
  }
}
