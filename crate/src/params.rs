//! Checks on numbers that arrive from the page (form fields, URL parameters, postMessage):
//! the page shows the same limits, but the crate is where they are enforced.

/// A parameter the crate refuses, by the name the page gives it, so that the page can show
/// the message next to that field (a rule across fields names the field to change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// `value` as a whole number in `min..=max`, or a message naming the field.
pub fn whole_number(field: &str, value: f64, min: u64, max: u64) -> Result<u64, String> {
    if !value.is_finite() {
        return Err(format!("{field} must be a number."));
    }
    if value.fract() != 0.0 {
        return Err(format!("{field} must be a whole number; got {value}."));
    }
    if value < min as f64 || value > max as f64 {
        return Err(format!(
            "{field} must be between {min} and {max}; got {value}."
        ));
    }
    Ok(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_whole_numbers_within_bounds() {
        assert_eq!(whole_number("Rows", 0.0, 0, 10), Ok(0));
        assert_eq!(whole_number("Rows", 10.0, 0, 10), Ok(10));
    }

    #[test]
    fn rejects_what_is_not_a_whole_number_within_bounds() {
        for bad in [f64::NAN, f64::INFINITY, -1.0, 11.0, 2.5] {
            let message = whole_number("Rows", bad, 0, 10).unwrap_err();
            assert!(message.starts_with("Rows must be"), "{message}");
        }
    }
}
