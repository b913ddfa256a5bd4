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

/** Calls `listener(detail)` on each `type`; returns the function that stops it. */
export function onPage(type, listener) {
  const handler = (event) => listener(event.detail);
  hub.addEventListener(type, handler);
  return () => hub.removeEventListener(type, handler);
}

/** Tells every listener of `type`. A listener that throws is reported as uncaught (and
 * fails the end-to-end tests); the other listeners and the page go on. */
export function publish(type, detail) {
  hub.dispatchEvent(new CustomEvent(type, { detail }));
}
