//! The sentences the playground itself writes into a run's output (not the programs' own
//! prints, which stay as the originals print them), each with a key, so that the page can
//! show it in its own language with numbers as that language writes them.
//!
//! English is written here, once; the Spanish is in `www/js/locales/es.js` (`CRATE_ES`), by
//! the same keys, and `tests/language.test.mjs` reads this file to check that every key has
//! its Spanish with the same placeholders.

/// A sentence of the catalog: `{name}` in `english` is filled from the message's arguments.
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
    /// A duration: whole seconds as "1 s", others with two decimals ("0.25 s").
    Seconds { ms: f64 },
}

impl Arg {
    fn english(&self) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::List(items) => items.join(", "),
            Arg::Count(count) => count.to_string(),
            Arg::Seconds { ms } => crate::env::format_seconds(*ms),
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
        let mut text = self.english.to_string();
        for (name, arg) in &self.args {
            text = text.replace(&format!("{{{name}}}"), &arg.english());
        }
        text
    }
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
}
