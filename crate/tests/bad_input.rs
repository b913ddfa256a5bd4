//! Bad input never panics: whatever text or number arrives from a form field, a URL or a
//! message, the crate's checks answer with a value within the documented limits or with a
//! message, never a panic. Property-style: many random inputs from a fixed seed.

use playground::demos::chained::{parse_chains, MAX_CHAINS, MAX_N};
use playground::demos::count_async::{self, Mode};
use playground::demos::pool::{
    PoolMethod, PoolParams, MAX_COLUMNS, MAX_HAND_OFFS, MAX_REPEATS, MAX_ROWS, MEMORY_BUDGET_BYTES,
};
use playground::params::{read, whole_number, Given};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg32;

const CASES: usize = 20_000;

/// Text as people and URLs produce it: digits and the characters around numbers, spaces,
/// separators, signs, exponents, other scripts' digits, controls.
fn random_text(random: &mut Pcg32) -> String {
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "0", "1", "7", "9", "10", "1000", "1001", "4294967296", "-", "+", ".", ",", " ", "\t",
        "\n", "e", "E", "x", "0x", "NaN", "inf", "é", "٣", "१", "\u{0}", "\u{feff}", "both",
        "gather", "sequential", "\"", "<b>", "%20",
    ];
    let pieces = random.random_range(0..12);
    (0..pieces)
        .map(|_| PIECES[random.random_range(0..PIECES.len())])
        .collect()
}

fn random_number(random: &mut Pcg32) -> f64 {
    match random.random_range(0..4) {
        0 => f64::from_bits(random.random()),
        1 => random.random_range(-1e3..1e3),
        2 => f64::from(random.random_range(-5..2_000_000_000i32)),
        _ => [f64::NAN, f64::INFINITY, -0.0, 0.5, 9007199254740993.0][random.random_range(0..5)],
    }
}

/// `check` on [`CASES`] random texts from `seed`.
fn for_random_texts(seed: u64, check: impl Fn(String)) {
    let mut random = Pcg32::seed_from_u64(seed);
    for _ in 0..CASES {
        check(random_text(&mut random));
    }
}

#[test]
fn chains_text_gives_valid_chains_or_a_message() {
    for_random_texts(1, |text| match parse_chains(&text) {
        Ok(chains) => {
            assert!(
                (1..=MAX_CHAINS).contains(&chains.len()),
                "{text:?} → {chains:?}"
            );
            assert!(
                chains.iter().all(|n| (1..=MAX_N).contains(n)),
                "{text:?} → {chains:?}"
            );
        }
        Err(refusal) => assert_eq!(refusal.field, "chains", "{text:?}"),
    });
}

#[test]
fn a_choice_is_one_of_its_words_or_a_message_naming_the_field() {
    for_random_texts(2, |text| {
        let given = |name| (name == "mode").then(|| Given::Text(text.clone()));
        match read(count_async::PARAMS, 2, given) {
            Ok(values) => assert!(Mode::CHOICES.contains(&values.text("mode")), "{text:?}"),
            Err(refusal) => assert_eq!(refusal.field, "mode", "{text:?}: {refusal}"),
        }
    });
}

#[test]
fn numbers_are_whole_and_within_bounds_or_refused() {
    let mut random = Pcg32::seed_from_u64(3);
    for _ in 0..CASES {
        let value = random_number(&mut random);
        let (min, max) = (
            random.random_range(0..100u64),
            random.random_range(100..1u64 << 53),
        );
        match whole_number("rows", value, min, max) {
            Ok(n) => assert!(
                value.fract() == 0.0 && (min..=max).contains(&n),
                "{value} → {n}"
            ),
            Err(refusal) => assert!(
                refusal.field == "rows" && refusal.to_string().starts_with("rows must be"),
                "{value}: {refusal}"
            ),
        }
    }
}

#[test]
fn pool_params_are_within_the_memory_budget_or_refused() {
    let mut random = Pcg32::seed_from_u64(4);
    let any = |random: &mut Pcg32| match random.random_range(0..4) {
        0 => random.random::<u64>() as usize,
        1 => random.random_range(0..=MAX_ROWS + 1),
        2 => random.random_range(0..=MAX_REPEATS + 1),
        _ => random.random_range(0..=MAX_COLUMNS + 1),
    };
    let methods = [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap];
    for _ in 0..CASES {
        let params = PoolParams {
            rows: any(&mut random),
            columns: any(&mut random),
            minimum: random.random(),
            maximum: random.random(),
            chunk_rows: any(&mut random),
            repeats: any(&mut random),
            ..PoolParams::default()
        };
        let method = methods[random.random_range(0..methods.len())];
        let workers = random.random_range(1..=64);
        match params.validate(method, workers) {
            Ok(size) => {
                assert!(params.rows <= MAX_ROWS && (1..=MAX_COLUMNS).contains(&params.columns));
                assert!((1..=MAX_REPEATS).contains(&params.repeats));
                assert!(params.minimum <= params.maximum);
                assert!(size.bytes <= MEMORY_BUDGET_BYTES, "{params:?}");
                assert!(size.hand_offs <= MAX_HAND_OFFS as u64, "{params:?}");
            }
            Err(error) => {
                assert!(!error.to_string().is_empty(), "{params:?}");
                // The rules in the order they are checked: the first one broken names the
                // field; beyond them, what a run hands out or allocates.
                let expected = if params.rows > MAX_ROWS {
                    "rows"
                } else if !(1..=MAX_COLUMNS).contains(&params.columns) {
                    "columns"
                } else if params.minimum > params.maximum {
                    "minimum"
                } else if params.chunk_rows > MAX_ROWS {
                    "chunkRows"
                } else if !(1..=MAX_REPEATS).contains(&params.repeats) {
                    "repeats"
                } else {
                    let size = params.run_size(method, workers);
                    assert!(
                        size.hand_offs > MAX_HAND_OFFS as u64 || size.bytes > MEMORY_BUDGET_BYTES,
                        "refused within every bound: {params:?}"
                    );
                    if size.hand_offs > MAX_HAND_OFFS as u64 {
                        "chunkRows"
                    } else {
                        "rows"
                    }
                };
                assert_eq!(error.field, expected, "{error} {params:?}");
            }
        }
    }
}
