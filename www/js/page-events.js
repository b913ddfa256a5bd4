// What happens on the page that several parts follow (the questions, the runs compared, the
// page around an embed), published by app.js, so that app.js need not know who listens.
//
//   'example-shown' {example, params}          an example came on screen (params may be null)
//   'run-started'   {example, params}          Run was pressed and the parameters were good
//   'run-ended'     {example, params, outcome, origin, trace, asked}
//                   trace = {lines, spans, flows, record}: the run's own record, everything it
//                   printed and drew (record: the event loop's, see scheduler-state.js);
//                   asked: the page around an embed asked for it. A run the page abandons
//                   (another example, a lab taking the page) ends 'stopped', its trace empty
//   'language-changed' {language}             the learner switched the page's language
//   'answer'        {example, question, answer, correct}
//                   a question asked before the run (questions/), checked against the run
//                   that ended: example, question and answer (a choice) are stable ids;
//                   correct is a boolean. One per question answered and settled by the run.

const hub = new EventTarget();
const latest = new Map(); // type → the detail last published
let joining = null; // the listeners a late part adds (joinLate)

/** Calls `listener(detail)` on each `type`; returns the function that stops it. */
export function onPage(type, listener) {
  const handler = (event) => listener(event.detail);
  hub.addEventListener(type, handler);
  joining?.push({ type, listener });
  return () => hub.removeEventListener(type, handler);
}

/** Tells every listener of `type`. A listener that throws is reported as uncaught (and
 * fails the end-to-end tests); the other listeners and the page go on. */
export function publish(type, detail) {
  latest.set(type, detail);
  hub.dispatchEvent(new CustomEvent(type, { detail }));
}

/** Runs `setUp`, a part that follows the page and arrives after it started, then tells
 * the part's own listeners of `type` (and no others) the latest one published, if any:
 * the part starts from the page as it is (the example on screen, say). */
export function joinLate(setUp, type) {
  joining = [];
  try {
    setUp();
  } finally {
    const joined = joining;
    joining = null;
    if (latest.has(type)) {
      for (const { listener } of joined.filter((added) => added.type === type)) listener(latest.get(type));
    }
  }
}
