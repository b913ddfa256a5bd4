//! The sentences the playground itself writes into a run's output (not the programs' own
//! prints, which stay as the originals print them), each with a key, so that the page can
//! show it in its own language with numbers as that language writes them.
//!
//! English is written here, once; the Spanish is in `www/js/locales/es.js` (`CRATE_ES`), by
//! the same keys, and `tests/language.test.mjs` reads this file to check that every key has
//! its Spanish with the same placeholders.

/// A sentence of the catalog: `{name}` in `english` is filled from the message's arguments;
/// `{name|one|other}` writes a count, then the noun that agrees with it ("1 row",
/// "2 rows"), so that each language can give its own nouns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub key: &'static str,
    pub english: &'static str,
}

macro_rules! sentences {
    ($($name:ident = $key:literal: $english:literal;)*) => {
        $(pub const $name: Sentence = Sentence { key: $key, english: $english };)*
    };
}

sentences! {
    STOPPED_AFTER = "stoppedAfter": "Stopped after {seconds}.";
    PROCESS_ORDER = "processOrder": "Started in the order {started}; finished in the order {finished}.";
    PROCESS_CALLS = "processCalls": "Calls counted by each process's global: {calls}; by the page's own: {own}. Nothing was shared: each result came back as a message.";

    // Refusals of parameters, shown next to the field they name.
    OUT_OF_RANGE = "outOfRange": "{field} must be between {min} and {max}; got {got}.";
    NOT_A_WHOLE_NUMBER = "notAWholeNumber": "{field} must be a whole number; got {got}.";
    NOT_A_CHOICE = "notAChoice": "{field} must be one of {choices}; got \"{got}\".";
    WRONG_TYPE = "wrongType": "{field} must be {expected}.";
    TEXT_LENGTH = "textLength": "The {what} must have {min} to {max|character|characters}; got {got}.";
    BY_HAND_AT_MOST = "byHandAtMost": "By hand, at most {max} coroutines: each needs a choice of yours; got {got}.";
    BY_HAND_GATHERED = "byHandGathered": "By hand, the coroutines run gathered: one after another, only one is ever ready, and there is nothing to choose.";
    PREFIX = "prefix": "prefix";
    NAME = "name": "name";
    A_NUMBER = "aNumber": "a number";
    A_STRING = "aString": "a string";
    TRUE_OR_FALSE = "trueOrFalse": "true or false";
    SPEED_OUT_OF_RANGE = "speedOutOfRange": "The speed must be between {min}× and {max}×; got {got}.";
    CHAINS_TOO_LONG = "chainsTooLong": "Give between 1 and {most} chains in at most {characters|character|characters}; got {got}.";
    CHAIN_NOT_A_NUMBER = "chainNotANumber": "Each chain must be a whole number from 1 to {max}; got \"{part}\".";
    CHAINS_COUNT = "chainsCount": "Give between 1 and {most} chains; got {got}.";
    COROUTINES_TOO_LONG = "coroutinesTooLong": "One after another, {coroutines} coroutines take {seconds}, {minutes} minutes at {speed}×: at this speed at most {most} finish within {limit} minutes. Gather them, run fewer, or speed up.";
    MINIMUM_ABOVE_MAXIMUM = "minimumAboveMaximum": "Minimum must not be above maximum; got {minimum} and {maximum}.";
    TOO_MANY_HAND_OFFS = "tooManyHandOffs": "{method} would hand out {handOffs}, more than the {max} a run may: make it at least {fewest|row|rows} per call.";
    TOO_MANY_HAND_OFFS_REPEATED = "tooManyHandOffsRepeated": "{method} would hand out {handOffs} ({perRepeat} per repeat × {repeats} repeats), more than the {max} a run may: make it at least {fewest|row|rows} per call, or lower the repeats.";
    TOO_MUCH_MEMORY = "tooMuchMemory": "{method} on {rows} rows × {columns|column|columns} needs {needed} MiB, more than the {budget} MiB a run may use: at most {most} rows fit.";

    // Pool examples: the timings, the total and what they mean.
    CALLS = "calls": "{count|call|calls}";
    CHUNKS = "chunks": "{count|chunk|chunks}";
    POOL_TIMING_CALLS = "poolTimingCalls": "{method}: {rows} rows on {workers|worker|workers} in {time} ({calls|call|calls}, median of {repeats})";
    POOL_TIMING_CHUNKS = "poolTimingChunks": "{method}: {rows} rows on {workers|worker|workers} in {time} (chunks of {chunkRows|row|rows}, median of {repeats})";
    SPEEDUP = "speedup": "{median}×";
    SPEEDUP_RANGE = "speedupRange": "{median}× ({min}–{max}×)";
    LOOP_SPEEDUP = "loopSpeedup": "sequential loop: {time}; speedup {speedup}";
    LOOP_NO_ROWS = "loopNoRows": "sequential loop: {time}; no rows, so nothing to compare";
    LOOP_TOO_QUICK = "loopTooQuick": "sequential loop: {time}; both too quick for the clock to compare";
    POOL_TOTAL = "poolTotal": "total: {total} values within [{minimum}, {maximum}] in {rows} rows, the same from both";
    POOL_VERDICT = "poolVerdict": "{verdict} {split}; {cost}.";
    POOL_WON_ONCE = "poolWonOnce": "The pool won: faster than the loop in its one repeat.";
    POOL_WON = "poolWon": "The pool won: faster than the loop in all {repeats} repeats.";
    POOL_LOST_ONCE = "poolLostOnce": "The pool lost: slower than the loop in its one repeat.";
    POOL_LOST = "poolLost": "The pool lost: slower than the loop in all {repeats} repeats.";
    POOL_TIE = "poolTie": "A tie within the noise: the repeats ran from {min}× to {max}×.";
    NOTHING_SPLIT = "nothingSplit": "On 1 worker nothing is split, so nothing is saved";
    SPLIT = "split": "Split over {workers} workers, the loop's {loop} of counting is {share} each, which saves {saved}";
    HAND_OFF_COST = "handOffCost": "handing out the {handOffs} cost {cost} ({each} each)";
    HAND_OFF_FREE = "handOffFree": "handing out the {handOffs} cost no measurable time";

    // Threading: the shared counter, three ways.
    UNSYNCHRONISED = "unsynchronised": "unsynchronised";
    MUTEX = "mutex": "Mutex";
    ATOMIC = "atomic": "atomic";
    SHARED_COUNT = "sharedCountLine": "{threads|thread|threads} × {iterations} increments, {sharing}: {counted} of {expected} ({lost}) in {time}";
    NONE_LOST = "noneLost": "none lost";
    SOME_LOST = "someLost": "{count|lost|lost}";

    // Labels of the timeline's spans.
    SLEEP = "spanSleep": "sleep {seconds}";
    RESUMED = "spanResumed": "resumed";
    AWAITING = "spanAwaiting": "awaiting {call}";
    STARTED_BY = "spanStartedBy": "started by {call}";
    RESUMED_BY = "spanResumedBy": "resumed by {call}";
    SUSPENDED_AT_YIELD = "spanSuspendedAtYield": "suspended at yield";
    COROUTINE_RUNS = "spanCoroutineRuns": "{call}: the coroutine runs";
    PROCESS_WORKER_START = "spanProcessWorkerStart": "starting: a new worker";
    PROCESS_INSTANCE = "spanProcessInstance": "a wasm instance of its own";
    GENERATE_MATRIX = "spanGenerateMatrix": "generate the matrix";
    BUILD_TUPLES = "spanBuildTuples": "build the tuples";
    WAITING_FOR = "spanWaitingFor": "waiting for {what}";
    WAITING_FOR_LOOP = "spanWaitingForLoop": "waiting for the loop";
    SEQUENTIAL_LOOP = "spanSequentialLoop": "sequential loop";
    ROWS = "spanRows": "rows {first}–{last}";
    ROWS_IN_CALLS = "spanRowsInCalls": "rows {first}–{last}, in {calls} calls one after another";
    IDLE = "spanIdle": "idle: asleep, or looking for work";
    STARTING_LINE = "spanStartingLine": "at the starting line, waiting for the other threads";
    READ_ADD_WRITE = "spanReadAddWrite": "read, add, write {count|time|times} ({interleavings} after another thread's write)";
    LOCK_WAIT = "spanLockWait": "waiting for the lock";
    LOCK_HELD = "spanLockHeld": "held the lock {count|time|times}";
    LOCK_HELD_BRIEF_WAITS = "spanLockHeldBriefWaits": "held the lock {count|time|times}, waiting {waits|time|times} too briefly to show";
    FETCH_ADD = "spanFetchAdd": "fetch_add {count|time|times}";
}

/// A value of a message, kept as a value so that the page can write it its own way.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Written as it is: a name, code, a word of a program.
    Text(String),
    /// Names, written one after another with commas.
    List(Vec<String>),
    /// A count, grouped by thousands where the language does so.
    Count(u64),
    /// Any other number, with as many decimals as it has (at most three).
    Number(f64),
    /// A ratio with `decimals` decimals (two, or more for a tiny one).
    Ratio { value: f64, decimals: usize },
    /// A duration: whole seconds as "1 s", others with two decimals ("0.25 s").
    Seconds { ms: f64 },
    /// A duration in milliseconds, with two decimals ("3.61 ms").
    Milliseconds(f64),
    /// A short duration in microseconds, with two decimals ("87.50 µs").
    Microseconds(f64),
    /// A sentence of the catalog inside another: a noun phrase, a clause.
    Said(Box<Message>),
}

impl Arg {
    /// A sentence of the catalog without arguments, as a part of another.
    pub fn said(sentence: Sentence) -> Arg {
        Arg::Said(Box::new(Message::new(sentence, Vec::new())))
    }

    fn english(&self) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::List(items) => items.join(", "),
            Arg::Count(count) => count.to_string(),
            Arg::Number(number) => {
                let text = format!("{number:.3}");
                let text = text.trim_end_matches('0').trim_end_matches('.');
                text.to_string()
            }
            Arg::Ratio { value, decimals } => format!("{value:.decimals$}"),
            Arg::Seconds { ms } => crate::env::format_seconds(*ms),
            Arg::Milliseconds(ms) => format!("{ms:.2} ms"),
            Arg::Microseconds(us) => format!("{us:.2} µs"),
            Arg::Said(message) => message.english(),
        }
    }
}

/// A sentence of the catalog with its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub key: &'static str,
    english: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(sentence: Sentence, args: Vec<(&'static str, Arg)>) -> Self {
        Message {
            key: sentence.key,
            english: sentence.english,
            args,
        }
    }

    /// The English sentence with its `{placeholders}`.
    pub fn template(&self) -> &'static str {
        self.english
    }

    /// The sentence in English, as native tests and the page's English read it.
    pub fn english(&self) -> String {
        let mut text = String::new();
        let mut rest = self.english;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let placeholder = &rest[open + 1..open + close];
            let mut parts = placeholder.split('|');
            let name = parts.next().unwrap_or_default();
            let arg = self.args.iter().find(|(arg_name, _)| *arg_name == name);
            match (arg, parts.next(), parts.next()) {
                (Some((_, arg)), Some(one), Some(other)) => {
                    let plural = !matches!(arg, Arg::Count(1));
                    text.push_str(&format!(
                        "{} {}",
                        arg.english(),
                        if plural { other } else { one }
                    ));
                }
                (Some((_, arg)), _, _) => text.push_str(&arg.english()),
                (None, _, _) => text.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        text.push_str(rest);
        text
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// Two decimals, or as many as a tiny ratio needs for two significant digits (0.000056,
/// not 0.00).
pub fn ratio(value: f64) -> Arg {
    let decimals = if value > 0.0 && value < 0.1 {
        // Leading zeros after the point, then two digits.
        ((-value.log10()).ceil() as usize + 1).min(12)
    } else {
        2
    };
    Arg::Ratio { value, decimals }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_fills_each_placeholder_of_its_sentence() {
        let message = Message::new(
            PROCESS_ORDER,
            vec![
                ("started", Arg::List(vec!["Asia".into(), "Europe".into()])),
                ("finished", Arg::List(vec!["Europe".into(), "Asia".into()])),
            ],
        );
        assert_eq!(
            message.english(),
            "Started in the order Asia, Europe; finished in the order Europe, Asia."
        );
        let stopped = Message::new(STOPPED_AFTER, vec![("seconds", Arg::Seconds { ms: 400.0 })]);
        assert_eq!(stopped.english(), "Stopped after 0.40 s.");
    }

    #[test]
    fn a_count_with_its_nouns_agrees_with_them() {
        let calls = |count| Message::new(CALLS, vec![("count", Arg::Count(count))]).english();
        assert_eq!(calls(1), "1 call");
        assert_eq!(calls(0), "0 calls");
        assert_eq!(calls(100_000), "100000 calls");
    }

    #[test]
    fn a_sentence_may_hold_another_and_numbers_of_every_kind() {
        let lost = Message::new(SOME_LOST, vec![("count", Arg::Count(7))]);
        let line = Message::new(
            SHARED_COUNT,
            vec![
                ("threads", Arg::Count(1)),
                ("iterations", Arg::Count(10)),
                ("sharing", Arg::said(UNSYNCHRONISED)),
                ("counted", Arg::Count(3)),
                ("expected", Arg::Count(10)),
                ("lost", Arg::Said(Box::new(lost))),
                ("time", Arg::Milliseconds(0.5)),
            ],
        );
        assert_eq!(
            line.english(),
            "1 thread × 10 increments, unsynchronised: 3 of 10 (7 lost) in 0.50 ms"
        );
        let speed = Message::new(
            SPEED_OUT_OF_RANGE,
            vec![
                ("min", Arg::Number(0.25)),
                ("max", Arg::Number(100.0)),
                ("got", Arg::Number(2.5)),
            ],
        );
        assert_eq!(
            speed.english(),
            "The speed must be between 0.25× and 100×; got 2.5."
        );
        let speedup = Message::new(SPEEDUP, vec![("median", ratio(0.000056))]);
        assert_eq!(speedup.english(), "0.000056×");
        assert_eq!(
            Message::new(SPEEDUP, vec![("median", ratio(1.5))]).english(),
            "1.50×"
        );
    }
}
