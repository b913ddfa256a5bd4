// How the timeline writes times: pure, so that Node tests them (tests/timeline-format.test.mjs).

/** "0", "250 µs", "12.5 ms", "1.5 s", with up to `digits` significant digits. */
export function formatDuration(ms, digits = 4) {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  if (abs === 0) return '0';
  if (abs < 1) return `${trimmed(ms * 1000, digits)} µs`;
  if (abs < 1000) return `${trimmed(ms, digits)} ms`;
  return `${trimmed(ms / 1000, digits)} s`;
}

/** A time since origin, to the microsecond: epoch doubles hold no finer, so no noise is shown. */
export function formatTime(ms) {
  return formatDuration(Math.round(ms * 1000) / 1000, 9);
}

/** A span's duration, to the microsecond as `formatTime`. */
export function formatLength(span) {
  return formatDuration(Math.round((span.end - span.start) * 1000) / 1000);
}

/** Three significant digits, zeros kept, as a summary reads: "1.00 s", "12.5 ms".
 * The unit is chosen after rounding, so that 999.99 ms reads "1.00 s", not "1.00e+3 ms". */
export function formatSummary(ms) {
  const abs = Math.abs(ms);
  if (abs === 0) return '0 s';
  if (Number((abs * 1000).toPrecision(3)) < 1000) return `${(ms * 1000).toPrecision(3)} µs`;
  if (Number(abs.toPrecision(3)) < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

function trimmed(value, digits) {
  return String(Number(value.toPrecision(digits)));
}

/** An axis label, as precise as the tick step needs and no more: "0", "250 ms", "1.25 s". */
export function formatTick(ms, step) {
  if (Math.abs(ms) < step / 2) return '0';
  const abs = Math.abs(ms);
  const [unit, scale] = abs < 1 ? ['µs', 1000] : abs < 1000 ? ['ms', 1] : ['s', 1 / 1000];
  const decimals = Math.max(0, Math.ceil(-Math.log10(step * scale) - 1e-9));
  return `${String(Number((ms * scale).toFixed(Math.min(decimals, 6))))} ${unit}`;
}
