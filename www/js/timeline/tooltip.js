// What the timeline says of a span: the tooltip's lines, and the sentence a screen reader
// hears when it is selected (both pure, tested in tests/timeline-tooltip.test.mjs); and the
// tooltip itself, placed beside the pointer or under the selected span.

import { formatLength, formatTime } from './format.js';

/** The tooltip's lines for `hit` ({lane, span}; span null over the label column, where the
 * lane's full name shows, since it may have been cut short there). */
export function tooltipLines(texts, { lane, span }, origin) {
  if (!span) {
    return { lane: lane.name, state: '', label: texts.spanCount(lane.spans.length), times: '', duration: '' };
  }
  return {
    lane: lane.name,
    state: texts.states[span.state],
    label: span.label ? `· ${span.label}` : '',
    times: `${formatTime(span.start - origin)} → ${formatTime(span.end - origin)}`,
    duration: texts.duration(formatLength(span)),
  };
}

/** `span` in one sentence, times since `origin`, with the cause arrows of `flows` that
 * start or end on it: the arrows in words. */
export function describeSpan(texts, span, origin, flows = []) {
  const sentence = texts.describe({
    lane: span.lane, state: texts.states[span.state], label: span.label,
    from: formatTime(span.start - origin), to: formatTime(span.end - origin), length: formatLength(span),
  });
  // A cause belongs to the span it ends (its code ran up to it), an effect to the span it
  // starts: so that of two spans sharing an edge, one says the arrow.
  const causedBy = (time) => time > span.start && time <= span.end;
  const startedBy = (time) => time >= span.start && (time < span.end || span.start === span.end);
  const arrows = flows.flatMap((flow) => {
    const kind = texts.flowKinds[flow.flow] ?? flow.flow;
    const said = [];
    // An arrow along its own lane (a timer) is said once, at its end.
    if (flow.fromLane === span.lane && causedBy(flow.from) && flow.toLane !== span.lane) {
      said.push(texts.arrowOut({ kind, lane: flow.toLane, at: formatTime(flow.to - origin) }));
    }
    if (flow.toLane === span.lane && startedBy(flow.to)) {
      said.push(texts.arrowIn({ kind, lane: flow.fromLane, at: formatTime(flow.from - origin) }));
    }
    return said;
  });
  return arrows.length ? sentence + texts.arrows(arrows.join(', ')) : sentence;
}

export class Tooltip {
  /** Why it is shown: 'hover' or 'selection'; null while hidden. */
  reason = null;
  #box;
  #frame;
  #parts;

  /** `box`: the tooltip's element, with a child of each line's class; `frame`: the element
   * it is placed in. */
  constructor(box, frame) {
    this.#box = box;
    this.#frame = frame;
    this.#parts = Object.fromEntries(['lane', 'state', 'label', 'times', 'duration']
      .map((name) => [name, box.querySelector(`.${name}`)]));
  }

  /** Shows `lines` (see tooltipLines) at (x, y) in the frame, or with its bottom at `above`
   * if it would overflow the frame's bottom. */
  show(reason, lines, x, y, above) {
    for (const [name, text] of Object.entries(lines)) this.#parts[name].textContent = text;
    const box = this.#box;
    box.hidden = false;
    const frameWidth = this.#frame.clientWidth;
    const frameHeight = this.#frame.clientHeight;
    const { offsetWidth: width, offsetHeight: height } = box;
    let left = x;
    if (left + width > frameWidth) left = Math.max(0, Math.min(x - width - 28, frameWidth - width));
    let top = y;
    if (top + height > frameHeight + 24 && above - height >= 0) top = above - height;
    box.style.left = `${Math.round(left)}px`;
    box.style.top = `${Math.round(top)}px`;
    this.reason = reason;
  }

  hide() {
    this.#box.hidden = true;
    this.reason = null;
  }
}
