// "Predict, then run": the questions each example asks before a run, and their answers,
// settled by that run's own trace (never a stored answer: other parameters, another seed
// or another machine give another right answer). Pure, so that Node tests it
// (tests/questions-catalogue.test.mjs); questions/view.js shows them.
//
// Question and choice ids are stable strings: a course grades by them ('answer' events,
// page-events.js).

import { EVENT_LOOP_QUESTIONS } from './event-loop.js';
import { WORKER_QUESTIONS } from './workers.js';

const QUESTIONS = { ...WORKER_QUESTIONS, ...EVENT_LOOP_QUESTIONS };

/** The questions example `exampleId` asks with `params`: [{id, prompt, choices}] (texts as
 * shape.js writes them). */
export function questionsFor(exampleId, params) {
  return (QUESTIONS[exampleId] ?? [])
    .filter((question) => question.askedWhen?.(params) ?? true)
    .map((question) => ({ id: question.id, prompt: question.prompt(params), choices: question.choices(params) }));
}

/** What a run settles of question `questionId`: {answer, why, at}, or null when its trace
 * cannot tell (a stopped or failed run, or one that printed too little). */
export function settle(exampleId, questionId, { params, outcome, trace }) {
  if (outcome?.status !== 'done') return null;
  const question = (QUESTIONS[exampleId] ?? []).find((q) => q.id === questionId);
  const settled = question?.settle(trace, params) ?? null;
  // An answer that is not one of the choices would be a bug here: better unsettled.
  const choices = question?.choices(params).map((choice) => choice.id) ?? [];
  return settled && choices.includes(settled.answer) ? settled : null;
}

/** The same questions, whatever the answers given: to keep the answers across a change of
 * parameters that changes no choice. */
export const sameQuestions = (a, b) => JSON.stringify(a) === JSON.stringify(b);
