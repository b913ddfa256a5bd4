// The clock the page and all its workers share: each has its own performance.timeOrigin,
// and only the sum is a time they agree on (as the crate's clock::now_ms).

export const epochNow = () => performance.timeOrigin + performance.now();
