// How a question is written: its texts as {key, vars} for i18n's t(), or {code} shown as
// written (a name from the program); shared by the examples' questions.

export const say = (key, vars = {}) => ({ key, vars });
export const code = (text) => ({ code: text });

/** Milliseconds as seconds, to the hundredth. */
export const seconds = (ms) => Math.round(ms / 10) / 100;

export const YES_NO = [{ id: 'yes', label: say('qYes') }, { id: 'no', label: say('qNo') }];
