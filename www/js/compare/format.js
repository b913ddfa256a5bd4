// How the comparisons write their numbers, in the page's language.

import { formatNumber, t } from '../i18n.js';

/** A duration to three significant digits, the precision of a timing on a shared machine:
 * "0.0412 ms", "7.71 ms", "41.2 ms"; a second or more in seconds. */
export const formatDuration = (ms) => (ms >= 1000 ? `${formatNumber(ms / 1000, 2)} s`
  : `${formatNumber(ms, { maximumSignificantDigits: 3 })} ms`);

/** A speedup as the crate writes it in the output: two decimals. */
export const formatRatio = (ratio) => `${formatNumber(ratio, 2)}×`;

/** A median with the range it comes from: "1.03× (0.97–1.29×)"; one measurement alone,
 * as the crate writes it: "1.03×". */
export const formatSpeedup = ({ median, min, max }) => (min === max ? formatRatio(median) : t('ratioRange', {
  median: formatNumber(median, 2), min: formatNumber(min, 2), max: formatNumber(max, 2),
}));
