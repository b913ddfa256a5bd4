// The sweep's picture: speedup against rows, rows on a log scale, as inline SVG drawn at
// the width it is shown (its text stays legible on a phone). The numbers are in the table
// beside it (sweep-view.js); this is their picture, named by its title and description.

const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = { left: 60, right: 14, top: 22, bottom: 46 };
/** The room a label of rows needs ("300 mil"), in pixels. */
const MIN_LABEL_SPACING = 52;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Speedups a step apart for the axis: halves on a short axis, whole ones on a tall one. */
const yTicks = (top) => {
  const step = top <= 3 ? 0.5 : 1;
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
};

/**
 * The chart of `points` (sweepPoint's, by rows) over the planned `sizes`, `workers` all
 * the workers, the point at `crossover` (an index, or -1) marked; `width` in pixels.
 * `texts`: {title, description, xAxis, yAxis, crossover, ideal, rows(n), ratio(r)}.
 */
export function speedupChart({ points, sizes, workers, crossover, width, texts, id }) {
  const height = Math.round(Math.min(320, Math.max(220, width * 0.5)));
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const [low, high] = [Math.log10(sizes[0]), Math.log10(sizes.at(-1))];
  // Half a step of room at each end, so that the first and last points are not on the axes.
  const pad = sizes.length > 1 ? (high - low) / (sizes.length - 1) / 2 : 0.5;
  const x = (rows) => plot.left + ((Math.log10(rows) - low + pad) / (high - low + 2 * pad)) * (plot.right - plot.left);
  // Scaled to the medians and the ideal: one stray round (a moment the device was busy
  // elsewhere) must not flatten the rest; its whisker is cut at the top.
  const top = Math.max(workers, 1, ...points.map((point) => point.speedup)) * 1.2;
  const y = (ratio) => plot.bottom - (Math.min(ratio, top) / top) * (plot.bottom - plot.top);

  const chart = svg('svg', {
    class: 'sweep-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-description`,
  });
  chart.append(svg('title', { id: `${id}-title` }, texts.title), svg('desc', { id: `${id}-description` }, texts.description));
  for (const tick of yTicks(top)) {
    chart.append(
      svg('line', { class: tick === 1 ? 'grid one' : 'grid', x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'tick', x: plot.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, texts.ratio(tick)),
    );
  }
  if (workers > 1) {
    chart.append(
      svg('line', { class: 'ideal', x1: plot.left, x2: plot.right, y1: y(workers), y2: y(workers) }),
      svg('text', { class: 'note', x: plot.left + 4, y: y(workers) - 5 }, texts.ideal),
    );
  }
  // Where the sizes are too close for their labels (a phone), the powers of ten only.
  const crowded = sizes.length > 1 && x(sizes[1]) - x(sizes[0]) < MIN_LABEL_SPACING;
  for (const rows of sizes) {
    chart.append(svg('line', { class: 'axis', x1: x(rows), x2: x(rows), y1: plot.bottom, y2: plot.bottom + 4 }));
    if (crowded && !Number.isInteger(Math.log10(rows))) continue;
    chart.append(svg('text', { class: 'tick', x: x(rows), y: plot.bottom + 16, 'text-anchor': 'middle' }, texts.rows(rows)));
  }
  chart.append(
    svg('line', { class: 'axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }),
    svg('line', { class: 'axis', x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom }),
    svg('text', { class: 'label', x: (plot.left + plot.right) / 2, y: height - 6, 'text-anchor': 'middle' }, texts.xAxis),
    svg('text', {
      class: 'label', x: 0, y: 0, 'text-anchor': 'middle',
      transform: `translate(13 ${(plot.top + plot.bottom) / 2}) rotate(-90)`,
    }, texts.yAxis),
  );
  if (crossover >= 0) {
    const at = x(points[crossover].rows);
    chart.append(
      svg('line', { class: 'crossover', x1: at, x2: at, y1: plot.top, y2: plot.bottom }),
      svg('text', {
        class: 'note crossover-label', x: at, y: plot.top - 8,
        'text-anchor': at > (plot.left + plot.right) / 2 ? 'end' : 'start',
      }, texts.crossover),
    );
  }
  if (points.length > 1) {
    chart.append(svg('polyline', {
      class: 'series', points: points.map((point) => `${x(point.rows)},${y(point.speedup)}`).join(' '),
    }));
  }
  points.forEach((point, index) => {
    const group = svg('g', { class: index === crossover ? 'point at-crossover' : 'point' });
    group.append(
      svg('line', { class: 'range', x1: x(point.rows), x2: x(point.rows), y1: y(point.min), y2: y(point.max) }),
      svg('circle', { cx: x(point.rows), cy: y(point.speedup), r: index === crossover ? 6 : 4 }),
    );
    chart.append(group);
  });
  return chart;
}
