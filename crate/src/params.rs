//! Checks on numbers that arrive from the page (form fields, URL parameters, postMessage):
//! the page shows the same limits, but the crate is where they are enforced.

use crate::messages::{self, Arg, Message, Sentence};

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
