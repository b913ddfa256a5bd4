// Where the timeline's parts go on its canvas: the label column and the plot across, the
// axis and the lanes' rows down; and so what is where: a span's box, the span under the
// pointer. At most MAX_VISIBLE_LANES rows show at once: the pinned lanes keep the bottom
// rows and the others scroll above them. Pure, so that Node tests it
// (tests/timeline-layout.test.mjs).

export const LANE_HEIGHT = 22;
export const AXIS_HEIGHT = 24;
const MAX_VISIBLE_LANES = 60;
const HOVER_TOLERANCE_PX = 3;

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

/** The label column and the plot across a canvas `width` CSS pixels wide, for lane names
 * up to `widestName` pixels long. */
export function columns(width, widestName) {
  const labelWidth = Math.round(clamp(widestName + 14, 48, Math.min(200, width * 0.3)));
  // A gap after the label column keeps time zero clear of the column's border.
  const plotLeft = labelWidth + 6;
  return { labelWidth, plotLeft, plotWidth: Math.max(width - plotLeft - 2, 10) };
}

/** The rows of `laneCount` lanes, the last `pinnedCount` of them pinned, in CSS pixels of
 * the canvas, whose top is the axis's. */
export class LaneRows {
  constructor(laneCount, pinnedCount) {
    this.laneCount = laneCount;
    this.scrolledCount = laneCount - pinnedCount;
    const shownScrolled = clamp(this.scrolledCount, 0, MAX_VISIBLE_LANES - pinnedCount);
    this.height = AXIS_HEIGHT + Math.max(1, shownScrolled + pinnedCount) * LANE_HEIGHT;
    this.pinnedTop = AXIS_HEIGHT + shownScrolled * LANE_HEIGHT;
    /** How much further than the canvas the scrolled lanes reach. */
    this.overflow = Math.max(0, this.scrolledCount - shownScrolled) * LANE_HEIGHT;
    this.scrollTo(0);
  }

  /** Scrolls the unpinned lanes by `scrollTop` pixels: those in view are then
   * [firstLane, lastLane). */
  scrollTo(scrollTop) {
    this.scrollTop = scrollTop;
    this.firstLane = Math.floor(scrollTop / LANE_HEIGHT);
    this.lastLane = Math.min(this.scrolledCount,
      Math.ceil((scrollTop + this.pinnedTop - AXIS_HEIGHT) / LANE_HEIGHT));
    return this;
  }

  /** The top of lane `index`'s row. */
  top(index) {
    return index < this.scrolledCount
      ? AXIS_HEIGHT + index * LANE_HEIGHT - this.scrollTop
      : this.pinnedTop + (index - this.scrolledCount) * LANE_HEIGHT;
  }

  /** The index of the lane whose row is at `y`, or -1. */
  at(y) {
    if (y < AXIS_HEIGHT || y >= this.height) return -1;
    if (y >= this.pinnedTop) return this.scrolledCount + Math.floor((y - this.pinnedTop) / LANE_HEIGHT);
    const index = Math.floor((y - AXIS_HEIGHT + this.scrollTop) / LANE_HEIGHT);
    return index < this.scrolledCount ? index : -1;
  }

  /** The lanes in view, each group with the band it may paint in: the scrolled ones in
   * view, then the pinned ones. */
  bands() {
    const bands = [];
    if (this.lastLane > this.firstLane) {
      bands.push({ from: this.firstLane, to: this.lastLane, top: AXIS_HEIGHT, bottom: this.pinnedTop });
    }
    if (this.laneCount > this.scrolledCount) {
      bands.push({ from: this.scrolledCount, to: this.laneCount, top: this.pinnedTop, bottom: this.height });
    }
    return bands;
  }
}

/** The scrollTop that brings scrolled lane `index` into a view `visible` pixels high,
 * moving as little as will do from `scrollTop`. */
export function scrollTopShowing(index, scrollTop, visible) {
  const top = index * LANE_HEIGHT;
  if (top < scrollTop) return top;
  if (top + LANE_HEIGHT > scrollTop + visible) return top + LANE_HEIGHT - visible;
  return scrollTop;
}

// A geometry, below, is what a frame was drawn with: {scale (a TimeScale), rows (LaneRows),
// and its sizes}.

/** Where `span`, of lane `index`, is drawn: {left, right, top} in canvas CSS pixels, at
 * least a pixel wide as it is drawn. */
export function spanBox({ scale, rows }, index, span) {
  const left = scale.x(span.start - scale.origin);
  const right = Math.max(scale.x(span.end - scale.origin), left + 1);
  return { left, right, top: rows.top(index) };
}

/** What is at (x, y) of the canvas, `lanes` in display order: {lane, span} for the span
 * nearest within a few pixels, {lane, span: null} over a lane's name, or null. */
export function hitTest({ scale, rows }, lanes, x, y) {
  const lane = lanes[rows.at(y)];
  if (!lane) return null;
  if (x < scale.left) return { lane, span: null };
  const span = lane.spanNear(scale.epochAt(x), scale.msPerPx, HOVER_TOLERANCE_PX);
  return span ? { lane, span } : null;
}
