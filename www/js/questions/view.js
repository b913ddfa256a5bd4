// The questions on the page: asked when an example shows, frozen when Run is pressed,
// checked when the run ends against that run's trace (catalogue.js), each with its verdict
// in words and a symbol, the right answer, why, and a button that puts the replay's cursor
// at the moment that shows it. A toggle, kept as a preference, turns them off; so does
// ?questions=off in the page's address, for one page (an embed, say).

import { $, element } from '../dom.js';
import { fieldTexts, notANumber } from '../form.js';
import { formatNumber, t } from '../i18n.js';
import { clipped } from '../link.js';
import { onPage, publish } from '../page-events.js';
import { PAGE_OPTIONS } from '../page-options.js';
import { keepPreference, preference } from '../preferences.js';
import { replayAt } from '../replay.js';
import { questionsFor, sameQuestions, settle } from './catalogue.js';

/** The toggle's settings, as a link may give them (?questions=on|off). */
const SETTINGS = PAGE_OPTIONS.questions;

/** The questions on screen: {example, params, questions, answers (question id → choice
 * id), frozen (a run is checking them), results (question id → {settled, given}) or null}. */
let shown = null;
let enabled = true;
/** What ?questions= said, if it was not one of SETTINGS; null otherwise. */
let badOption = null;

/** A number of a question's text as the page's language writes it: two decimals at most,
 * and a small ratio to its first two digits (0.00016, not 0). */
const numberText = (value) => formatNumber(value,
  Math.abs(value) < 0.1 && value !== 0 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 2 });

/** A question's text ({key, vars} or {code}) in the page's language. */
const textOf = (spec) => (spec.code !== undefined ? spec.code : t(spec.key, Object.fromEntries(
  Object.entries(spec.vars).map(([name, value]) => [name, typeof value === 'number' ? numberText(value) : value]))));

/** The example's parameters as the form holds them, typed as the run would have them; null
 * while one is not a number it should be (the run will say so). */
function formParams(example) {
  const texts = fieldTexts(example);
  const params = {};
  for (const param of example.params ?? []) {
    const text = texts[param.name];
    params[param.name] = param.type === 'number' ? Number(text) : text;
    if (param.type === 'number' && notANumber(text)) return null;
  }
  return params;
}

const defaults = (example) => Object.fromEntries((example.params ?? []).map((p) => [p.name, p.default]));

/** Asks `example`'s questions for `params`, afresh. */
function ask(example, params) {
  shown = { example, params, questions: questionsFor(example.id, params), answers: new Map(), frozen: false, results: null };
}

/** The parameters changed: the questions they ask. After a verdict, every question is asked
 * again; before, an answer stays where its question and choice still are. */
function reask(params) {
  const { example, answers, results } = shown;
  const questions = questionsFor(example.id, params);
  const kept = results ? [] : [...answers].filter(([question, choice]) =>
    questions.find((q) => q.id === question)?.choices.some((c) => c.id === choice));
  const changed = results || !sameQuestions(questions, shown.questions);
  shown = { ...shown, params, questions, answers: new Map(kept), results: null };
  if (changed) render();
}

function verdictOf({ settled, given }) {
  if (!settled) return 'unsettled';
  if (given === undefined) return 'unanswered';
  return given === settled.answer ? 'right' : 'wrong';
}
const VERDICT_TEXT = {
  right: 'verdictRight', wrong: 'verdictWrong', unanswered: 'verdictUnanswered', unsettled: 'verdictUnsettled',
};

/** The verdict on a question, with the right answer, why, and the way to its moment. */
function verdictBlock(question, result) {
  const verdict = verdictOf(result);
  const block = element('div', { className: 'verdict', dataset: { verdict } }, [
    element('p', { className: 'verdict-mark', textContent: t(VERDICT_TEXT[verdict]) }),
  ]);
  const { settled } = result;
  if (!settled) return block;
  const answer = question.choices.find((choice) => choice.id === settled.answer);
  const see = element('button', { type: 'button', className: 'see-moment', textContent: t('seeOnTimeline') });
  see.addEventListener('click', () => showMoment(settled.at));
  block.append(
    element('p', { className: 'right-answer', textContent: t('rightAnswer', { answer: textOf(answer.label) }) }),
    element('p', { className: 'why', textContent: textOf(settled.why) }),
    see,
  );
  return block;
}

/** The replay's cursor at `at`, and the timeline in view, the keyboard on its slider. */
function showMoment(at) {
  if (!replayAt(at)) return;
  $('timeline').scrollIntoView({ block: 'center' });
  $('replay').focus({ preventScroll: true });
}

function questionFieldset(question, index) {
  const { answers, frozen, results } = shown;
  const choices = question.choices.map((choice) => {
    const input = element('input', {
      type: 'radio', name: `question-${question.id}`, value: choice.id, id: `question-${question.id}-${choice.id}`,
      checked: answers.get(question.id) === choice.id,
    });
    input.addEventListener('change', () => {
      // The answers of the questions on screen now: new parameters may have re-asked them
      // (the same questions, not drawn again) since this input was made.
      shown.answers.set(question.id, choice.id);
      // A new answer is not the one that run checked: its verdict goes.
      if (shown.results?.delete(question.id)) render();
    });
    return element('label', { className: 'choice' }, [input, element('span', { textContent: textOf(choice.label) })]);
  });
  const fieldset = element('fieldset', { className: 'question', disabled: frozen, dataset: { question: question.id } }, [
    element('legend', { textContent: `${index + 1}. ${textOf(question.prompt)}` }),
    element('div', { className: 'choices' }, choices),
  ]);
  const result = results?.get(question.id);
  if (result) fieldset.append(verdictBlock(question, result));
  return fieldset;
}

/** Draws the questions as they stand, in the page's language; the focus stays where it was. */
function render() {
  $('questions-option-error').textContent = badOption === null ? '' : t('questionsBadOption', { value: badOption });
  const body = $('questions-body');
  body.hidden = !enabled || !shown;
  $('questions-score').hidden = body.hidden;
  if (body.hidden) return;
  const focused = body.contains(document.activeElement) ? document.activeElement.id : null;
  const { questions, frozen, results } = shown;
  const right = results ? [...results.values()].filter((result) => verdictOf(result) === 'right').length : 0;
  // Of the answers the run could check.
  const answered = results ? [...results.values()].filter((result) => ['right', 'wrong'].includes(verdictOf(result))).length : 0;
  body.replaceChildren(
    element('p', { className: 'hint', textContent: t(questions.length ? (frozen ? 'questionsFrozen' : 'questionsIntro') : 'questionsNone') }),
    ...questions.map(questionFieldset),
  );
  // Read out once checked (a region of the page's own, so that it is announced): how it
  // went; the details are in each question's verdict.
  $('questions-score').textContent = results && answered ? t('questionsScore', { right, answered }) : '';
  if (focused) document.getElementById(focused)?.focus();
}

/** Checks the answers given when the run started against what it did; publishes each. */
function check({ example, params, outcome, trace }) {
  const run = { params, outcome, trace };
  shown.results = new Map(shown.questions.map((question) => [question.id, {
    settled: settle(example.id, question.id, run),
    given: shown.frozenAnswers.get(question.id),
  }]));
  shown.frozen = false;
  render();
  for (const [question, { settled, given }] of shown.results) {
    if (settled && given !== undefined) {
      publish('answer', { example: example.id, question, answer: given, correct: given === settled.answer });
    }
  }
}

/** The toggle and ?questions=: on unless turned off; a bad value is said, and ignored. */
function setUpToggle() {
  const given = new URLSearchParams(location.search).get('questions');
  badOption = given === null || SETTINGS.includes(given) ? null : clipped(given, 25);
  enabled = (preference('questions', SETTINGS) ?? 'on') === 'on';
  const toggle = $('questions-on');
  toggle.checked = enabled;
  toggle.addEventListener('change', () => {
    enabled = toggle.checked;
    badOption = null;
    keepPreference('questions', enabled ? 'on' : 'off');
    render();
  });
}

/** Follows the page: what it shows, and each run. */
export function setUpQuestions() {
  setUpToggle();
  onPage('example-shown', ({ example, params }) => {
    ask(example, params ?? defaults(example));
    render();
  });
  $('params').addEventListener('change', () => {
    const params = shown && formParams(shown.example);
    if (params && !shown.frozen && JSON.stringify(params) !== JSON.stringify(shown.params)) reask(params);
  });
  // A run of another example object (the debug triggers' stand-in) is none of theirs.
  onPage('run-started', ({ example, params }) => {
    if (example !== shown?.example) return;
    if (JSON.stringify(params) !== JSON.stringify(shown.params)) reask(params);
    shown.frozenAnswers = new Map(shown.answers);
    shown.frozen = true;
    shown.results = null;
    render();
  });
  onPage('run-ended', (ended) => {
    if (!shown?.frozen || ended.example !== shown.example) return;
    if (enabled) check(ended);
    else shown.frozen = false;
  });
  // After a switch of language: the questions and verdicts again, in it.
  onPage('language-changed', render);
}
