// After a run, the replay: a cursor moved along the timeline by a slider, stepped to the
// previous or next event (buttons, or "," and "."), or played at a chosen speed; the
// output, the scheduler's state and the code follow it.

import { $ } from './dom.js';
import { formatSeconds, t } from './i18n.js';
import { replayOutput } from './output.js';
import { countUpTo, momentsOf } from './replay-moments.js';

let stopPlaying = () => {};
/** Shows the replay's moment again, in the page's language: after a switch of language. */
let showAgain = () => {};
/** Puts the cursor at a time of the run shown; null while there is no replay. */
let seek = null;

/** Sets up the replay of the run shown, which began at `origin` (epoch ms).
 * `onMoment({at, count, atEnd})` is called at every move, `count` being the number of
 * moments passed; `onPlaying(playing)` as it starts or stops playing. */
export function enableReplay({ origin, record, onMoment, onPlaying = () => {} }) {
  stopPlaying();
  const timeline = $('timeline');
  const output = replayOutput();
  const lineTimes = [...$('output').querySelectorAll('.line')].map((line) => Number(line.dataset.at));
  const moments = momentsOf(record, timeline.spans, lineTimes);
  const end = Math.max(origin, moments.at(-1) ?? origin, output.lastAt);
  const slider = $('replay');
  const sliderOf = (at) => Math.round(((at - origin) / (end - origin || 1)) * Number(slider.max));
  let count = moments.length;
  let at = end;

  const show = () => {
    const atEnd = at >= end && count === moments.length;
    timeline.now = atEnd ? null : at;
    $('replay-time').textContent = formatSeconds(at - origin, 3);
    output.showAt(at);
    $('replay-previous').disabled = count === 0;
    $('replay-next').disabled = count === moments.length;
    onMoment({ at, count, atEnd });
  };
  const moveTo = (newCount) => {
    count = Math.min(Math.max(newCount, 0), moments.length);
    at = count ? moments[count - 1] : origin;
    slider.value = sliderOf(at);
    show();
  };
  const goTo = (time) => {
    at = Math.min(Math.max(time, origin), end);
    count = countUpTo(moments, at);
    show();
  };
  slider.value = slider.max;
  slider.oninput = () => {
    pause();
    goTo(origin + (Number(slider.value) / Number(slider.max)) * (end - origin));
  };
  $('replay-previous').onclick = () => { pause(); moveTo(count - 1); };
  $('replay-next').onclick = () => { pause(); moveTo(count + 1); };

  let frame = 0;
  const play = $('replay-play');
  // The button says what it will do; while playing, the moments are not read out.
  const setPlaying = (playing) => {
    play.textContent = t(playing ? 'replayPause' : 'replayPlay');
    play.dataset.playing = String(playing);
    onPlaying(playing);
  };
  function pause() {
    cancelAnimationFrame(frame);
    frame = 0;
    setPlaying(false);
  }
  play.onclick = () => {
    if (frame) return pause();
    // From the start once at the end, as a media player does.
    if (count === moments.length) moveTo(0);
    setPlaying(true);
    let last = performance.now();
    const tick = (now) => {
      at = Math.min(end, at + (now - last) * Number($('replay-speed').value));
      last = now;
      count = countUpTo(moments, at);
      slider.value = sliderOf(at);
      show();
      if (at >= end) pause();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  };
  stopPlaying = pause;
  seek = (time) => {
    pause();
    slider.value = sliderOf(Math.min(Math.max(time, origin), end));
    goTo(time);
  };
  showAgain = () => {
    setPlaying(Boolean(frame));
    show();
  };
  setPlaying(false);
  show();
  $('replay-controls').hidden = false;
}

/** After a switch of language: the replay's texts, and what its moment shows, again. */
export function refreshReplay() {
  if (!$('replay-controls').hidden) showAgain();
}

/** Moves the replay's cursor to the moment `at` (epoch ms) of the run shown, as the
 * slider would; false if there is no replay to move. */
export function replayAt(at) {
  if (!seek || $('replay-controls').hidden) return false;
  seek(at);
  return true;
}

export function hideReplay() {
  stopPlaying();
  seek = null;
  $('replay-controls').hidden = true;
}

/** "," and "." step the replay wherever the focus is, except in a field being typed in. */
export function setUpReplayKeys() {
  addEventListener('keydown', (event) => {
    if ($('replay-controls').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.matches?.('input:not([type=range]), textarea, select, [contenteditable]');
    if (typing) return;
    const button = { ',': 'replay-previous', '.': 'replay-next' }[event.key];
    if (!button || $(button).disabled) return;
    event.preventDefault();
    $(button).click();
  });
}
