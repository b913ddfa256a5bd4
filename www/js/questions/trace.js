// Reading a run's trace ({lines, spans}, as 'run-ended' carries it): pure, so that Node
// tests it. A line or span may carry the crate's own sentence (`message`, `labelMessage`:
// {key, english, args}); its values are read from there, never from translated text.

/** The value of the argument `name` of a crate sentence, or undefined. */
export const argOf = (sentence, name) => sentence?.args?.[name]?.value;

/** The first sentence with `key` inside `sentence` (itself or any it says), or null. */
export function sentenceIn(sentence, key) {
  if (!sentence || typeof sentence !== 'object') return null;
  if (sentence.key === key) return sentence;
  for (const { kind, value } of Object.values(sentence.args ?? {})) {
    const found = kind === 'said' ? sentenceIn(value, key) : null;
    if (found) return found;
  }
  return null;
}

/** The lines whose crate sentence has `key`. */
export const linesSaying = (lines, key) => lines.filter((line) => line.message?.key === key);

/** The spans whose label is the crate's sentence `key`, in order of start. */
export const spansLabelled = (spans, key) => spans
  .filter((span) => span.labelMessage?.key === key)
  .sort((a, b) => a.start - b.start);

/** The lines printed on a lane named `pattern` (a RegExp), with the lane's match. */
export const linesOnLanes = (lines, pattern) => lines
  .map((line) => ({ line, match: pattern.exec(line.lane) }))
  .filter(({ match }) => match);

/** Seconds written in a printed line ("… (took 4.02 seconds)."): the number, or NaN. */
export const secondsIn = (text, pattern) => Number(pattern.exec(text)?.[1] ?? NaN);
