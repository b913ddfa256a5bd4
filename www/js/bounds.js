// Binary searches over an ascending sequence given by `valueAt(index)`: the one way the page
// finds a time among sorted times (a lane's spans, a replay's moments, an export's slices).

/** First index in [0, length) whose value is >= `target` (`length` if none). */
export function lowerBound(length, valueAt, target) {
  return firstWhere(length, (index) => valueAt(index) >= target);
}

/** First index in [0, length) whose value is > `target`: how many are at or before it. */
export function upperBound(length, valueAt, target) {
  return firstWhere(length, (index) => valueAt(index) > target);
}

/** First index in [0, length) where `reached` holds, `reached` being false then true. */
function firstWhere(length, reached) {
  let [low, high] = [0, length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
