// What the timeline says, in English: a module of its own so that Node can import it
// (tests/language.test.mjs checks that the Spanish, TIMELINE_ES, has every key).

/** Everything the element says, in English; `texts` takes another language's. */
export const TIMELINE_TEXTS_EN = {
  states: { running: 'running', sleeping: 'sleeping', waiting: 'waiting' },
  empty: 'No spans yet.',
  help: 'Left and right arrows move between the spans of a lane, up and down arrows to the ' +
    'nearest span in the next lane. Plus and minus zoom, Shift with arrows pans, 0 resets ' +
    'the zoom, Escape clears the selection.',
  emptySummary: 'Timeline: empty',
  summary: ({ lanes, spans, length }) =>
    `Timeline: ${lanes} lane${lanes === 1 ? '' : 's'}, ${spans} span${spans === 1 ? '' : 's'}, ${length}`,
  showing: ({ from, to }) => `; showing ${from} to ${to}`,
  spanCount: (count) => `${count} span${count === 1 ? '' : 's'}`,
  duration: (length) => `duration ${length}`,
  describe: ({ lane, state, label, from, to, length }) =>
    `${lane}: ${state}${label ? `, ${label}` : ''}, from ${from} to ${to}, lasting ${length}`,
  flowKinds: { spawn: 'started', call: 'called', return: 'result', timer: 'timer', send: 'sent' },
  arrows: (list) => `; arrows: ${list}`,
  arrowIn: ({ kind, lane, at }) => `${kind} from ${lane} at ${at}`,
  arrowOut: ({ kind, lane, at }) => `${kind} to ${lane} at ${at}`,
  edgeSpan: ({ last, lane }) => `${last ? 'Last' : 'First'} span of ${lane}`,
  edgeLane: ({ last }) => `${last ? 'Last' : 'First'} lane`,
  moreLanes: ({ from, to, total, pinned }) =>
    `Lanes ${from}–${to} of ${total} in view: scroll the timeline, or press Shift+↑/↓ in it, ` +
    `for the others.${pinned ? ` Always in view: ${pinned}.` : ''}`,
};
