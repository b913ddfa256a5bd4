// Fitting a lane's name into the label column: pure, so that Node tests it without a
// browser (tests/timeline-fit.test.mjs).

/** `text`, cut in the middle with an ellipsis to fit `maxWidth` in the context's font:
 * lanes' names differ at their ends as often as at their starts ("makerandom(0)",
 * "makerandom(1)"), so both ends stay. */
export function fitMiddle(context, text, maxWidth) {
  if (context.measureText(text).width <= maxWidth) return text;
  const cut = (kept) => `${text.slice(0, Math.floor(kept / 2))}…${text.slice(text.length - Math.ceil(kept / 2))}`;
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (context.measureText(cut(mid)).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}
