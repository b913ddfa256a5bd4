//! The examples' parameters: what each may be, what it is when not given, and the checks
//! every value from the page (a form field, a link, a postMessage request) goes through.
//!
//! Each example declares its parameters once ([`Param`]); the crate reads and checks
//! values against them ([`read`]), and the build exports them for the page
//! (`www/generated/crate.js`, from [`crate::examples::page_module`]), which shows the
//! same bounds and adds labels in its languages.

use crate::messages::{self, Arg, Message, Sentence};

/// The largest seed: the page's numbers are doubles, exact up to 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// An example's seed, `default` unless given.
pub const fn seed(default: u64) -> Param {
    Param::number("seed", 0, MAX_SEED, default)
}

/// One parameter of an example, by the name links, the form and postMessage give it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Param {
    pub name: &'static str,
    pub kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number from `min` to `max`.
    Number {
        min: u64,
        max: Limit,
        default: Limit,
    },
    /// One of `choices`.
    Choice {
        choices: &'static [&'static str],
        default: &'static str,
    },
    /// Text of at most `max_chars` characters, which the example parses itself.
    Text {
        max_chars: usize,
        default: &'static str,
    },
}

/// A bound or default: a number, or the number of cores of the machine the page runs on
/// (as many workers as it has), which only the page knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Fixed(u64),
    Cores,
}

impl Limit {
    fn value(self, cores: u64) -> u64 {
        match self {
            Limit::Fixed(value) => value,
            Limit::Cores => cores,
        }
    }
}

impl Param {
    pub const fn number(name: &'static str, min: u64, max: u64, default: u64) -> Param {
        Param {
            name,
            kind: Kind::Number {
                min,
                max: Limit::Fixed(max),
                default: Limit::Fixed(default),
            },
        }
    }

    /// From one to as many as the machine has cores; as many by default.
    pub const fn cores(name: &'static str) -> Param {
        Param {
            name,
            kind: Kind::Number {
                min: 1,
                max: Limit::Cores,
                default: Limit::Cores,
            },
        }
    }

    pub const fn choice(
        name: &'static str,
        choices: &'static [&'static str],
        default: &'static str,
    ) -> Param {
        Param {
            name,
            kind: Kind::Choice { choices, default },
        }
    }

    pub const fn text(name: &'static str, max_chars: usize, default: &'static str) -> Param {
        Param {
            name,
            kind: Kind::Text { max_chars, default },
        }
    }

    /// The same parameter with another default.
    pub const fn with_default(self, default: u64) -> Param {
        match self.kind {
            Kind::Number { min, max, .. } => Param {
                name: self.name,
                kind: Kind::Number {
                    min,
                    max,
                    default: Limit::Fixed(default),
                },
            },
            _ => self,
        }
    }

    /// `given` checked against this parameter, or its default when absent; `cores`: the
    /// machine's, for the bounds that depend on it.
    pub fn check(&self, given: Option<Given>, cores: u64) -> Result<Value, ParamError> {
        let field = self.name;
        match (self.kind, given) {
            (Kind::Number { default, .. }, None) => Ok(Value::Number(default.value(cores))),
            (Kind::Number { min, max, .. }, Some(Given::Number(number))) => {
                whole_number(field, number, min, max.value(cores)).map(Value::Number)
            }
            (Kind::Choice { default, .. }, None) | (Kind::Text { default, .. }, None) => {
                Ok(Value::Text(default.to_string()))
            }
            (Kind::Choice { choices, .. }, Some(Given::Text(text))) => {
                if choices.contains(&text.as_str()) {
                    return Ok(Value::Text(text));
                }
                Err(ParamError::new(
                    field,
                    messages::NOT_A_CHOICE,
                    vec![
                        ("field", Arg::Text(field.to_string())),
                        (
                            "choices",
                            Arg::List(choices.iter().map(|c| c.to_string()).collect()),
                        ),
                        ("got", Arg::Text(text.chars().take(40).collect())),
                    ],
                ))
            }
            (Kind::Text { .. }, Some(Given::Text(text))) => Ok(Value::Text(text)),
            (kind, Some(_)) => {
                let expected = match kind {
                    Kind::Number { .. } => messages::A_NUMBER,
                    _ => messages::A_STRING,
                };
                Err(ParamError::wrong_type(field, expected))
            }
        }
    }
}

/// A value as the page sends it.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Number(f64),
    Text(String),
}

/// A value once checked.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(u64),
    Text(String),
}

/// The checked values of an example's parameters, every one of them (defaults for those
/// not given).
#[derive(Clone, Debug, PartialEq)]
pub struct Values(Vec<(&'static str, Value)>);

impl Values {
    /// Parameter `name`'s number. The examples read only the parameters they declare, and
    /// a native test reads each example's defaults: a name missing here is a bug.
    pub fn number(&self, name: &str) -> u64 {
        match self.get(name) {
            Value::Number(number) => *number,
            Value::Text(_) => panic!("parameter {name} is not a number"),
        }
    }

    /// Parameter `name`'s text (a choice or a text).
    pub fn text(&self, name: &str) -> &str {
        match self.get(name) {
            Value::Text(text) => text,
            Value::Number(_) => panic!("parameter {name} is not a text"),
        }
    }

    fn get(&self, name: &str) -> &Value {
        let found = self.0.iter().find(|(declared, _)| *declared == name);
        &found
            .unwrap_or_else(|| panic!("no parameter {name} is declared"))
            .1
    }
}

/// Every parameter of `params`, checked: `given(name)` says what the page sent for it, if
/// anything. The first bad value is refused.
pub fn read(
    params: &[Param],
    cores: u64,
    mut given: impl FnMut(&'static str) -> Option<Given>,
) -> Result<Values, ParamError> {
    let values = params
        .iter()
        .map(|param| Ok((param.name, param.check(given(param.name), cores)?)))
        .collect::<Result<_, ParamError>>()?;
    Ok(Values(values))
}

/// Every parameter of `params` at its default.
pub fn defaults(params: &[Param], cores: u64) -> Values {
    read(params, cores, |_| None).unwrap_or_else(|error| panic!("a default is refused: {error}"))
}

/// A parameter the crate refuses, by the name the page gives it, so that the page can show
/// the message next to that field (a rule across fields names the field to change).
#[derive(Clone, Debug, PartialEq)]
pub struct ParamError {
    pub field: &'static str,
    pub message: Message,
}

impl ParamError {
    pub fn new(field: &'static str, sentence: Sentence, args: Vec<(&'static str, Arg)>) -> Self {
        ParamError {
            field,
            message: Message::new(sentence, args),
        }
    }
}

impl ParamError {
    /// `field` must be `expected` ("a number", "a string", …).
    pub fn wrong_type(field: &'static str, expected: Sentence) -> Self {
        ParamError::new(
            field,
            messages::WRONG_TYPE,
            vec![
                ("field", Arg::Text(field.to_string())),
                ("expected", Arg::said(expected)),
            ],
        )
    }
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)
    }
}

/// `value` as a whole number in `min..=max`, or a refusal naming the field.
pub fn whole_number(
    field: &'static str,
    value: f64,
    min: u64,
    max: u64,
) -> Result<u64, ParamError> {
    let name = ("field", Arg::Text(field.to_string()));
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(ParamError::new(
            field,
            messages::NOT_A_WHOLE_NUMBER,
            vec![name, ("got", Arg::Number(value))],
        ));
    }
    if value < min as f64 || value > max as f64 {
        return Err(ParamError::new(
            field,
            messages::OUT_OF_RANGE,
            vec![
                name,
                ("min", Arg::Count(min)),
                ("max", Arg::Count(max)),
                ("got", Arg::Number(value)),
            ],
        ));
    }
    Ok(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &[Param] = &[
        Param::number("rows", 0, 10, 5),
        Param::cores("workers"),
        Param::choice("mode", &["gather", "sequential"], "gather"),
        Param::text("chains", 100, "1 2 3"),
    ];

    #[test]
    fn absent_values_take_their_defaults_and_cores_are_the_machines() {
        let values = defaults(EXAMPLE, 8);
        assert_eq!(values.number("rows"), 5);
        assert_eq!(values.number("workers"), 8);
        assert_eq!(values.text("mode"), "gather");
        assert_eq!(values.text("chains"), "1 2 3");
    }

    #[test]
    fn each_value_is_checked_against_its_parameter_and_a_refusal_names_it() {
        let given = |pairs: Vec<(&'static str, Given)>| {
            move |name: &'static str| {
                (pairs.iter())
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            }
        };
        let ok = read(
            EXAMPLE,
            2,
            given(vec![
                ("rows", Given::Number(10.0)),
                ("workers", Given::Number(2.0)),
                ("mode", Given::Text("sequential".into())),
            ]),
        )
        .unwrap();
        assert_eq!(
            (ok.number("rows"), ok.number("workers"), ok.text("mode")),
            (10, 2, "sequential")
        );
        for (bad, field, message) in [
            (
                ("rows", Given::Number(11.0)),
                "rows",
                "rows must be between 0 and 10; got 11.",
            ),
            (
                ("workers", Given::Number(3.0)),
                "workers",
                "workers must be between 1 and 2; got 3.",
            ),
            (
                ("mode", Given::Text("bogus".into())),
                "mode",
                "mode must be one of gather, sequential; got \"bogus\".",
            ),
            (
                ("rows", Given::Text("many".into())),
                "rows",
                "rows must be a number.",
            ),
            (
                ("chains", Given::Number(1.0)),
                "chains",
                "chains must be a string.",
            ),
        ] {
            let refusal = read(EXAMPLE, 2, given(vec![bad])).unwrap_err();
            assert_eq!(
                (refusal.field, refusal.to_string().as_str()),
                (field, message)
            );
        }
    }

    #[test]
    fn accepts_whole_numbers_within_bounds() {
        assert_eq!(whole_number("rows", 0.0, 0, 10), Ok(0));
        assert_eq!(whole_number("rows", 10.0, 0, 10), Ok(10));
    }

    #[test]
    fn rejects_what_is_not_a_whole_number_within_bounds() {
        for bad in [f64::NAN, f64::INFINITY, -1.0, 11.0, 2.5] {
            let refusal = whole_number("rows", bad, 0, 10).unwrap_err();
            assert_eq!(refusal.field, "rows");
            assert!(refusal.to_string().starts_with("rows must be"), "{refusal}");
        }
        assert_eq!(
            whole_number("rows", 2.5, 0, 10).unwrap_err().to_string(),
            "rows must be a whole number; got 2.5."
        );
        assert_eq!(
            whole_number("rows", 11.0, 0, 10).unwrap_err().to_string(),
            "rows must be between 0 and 10; got 11."
        );
    }
}
