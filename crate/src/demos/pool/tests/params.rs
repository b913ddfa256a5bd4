//! What a run may be asked for: each refusal names its field, and what a run hands out and
//! allocates stays within its bounds.

use super::*;

/// The field `params` are refused for, if they are, for map on two workers.
fn refused_field(params: PoolParams) -> Result<(), &'static str> {
    params
        .validate(PoolMethod::Map, 2)
        .map(|_| ())
        .map_err(|error| error.field)
}

#[test]
fn params_are_validated() {
    let ok = PoolParams::default();
    assert_eq!(refused_field(ok.clone()), Ok(()));
    let with = |change: fn(&mut PoolParams)| {
        let mut params = ok.clone();
        change(&mut params);
        refused_field(params)
    };
    assert_eq!(with(|p| p.rows = MAX_ROWS + 1), Err("rows"));
    assert_eq!(with(|p| p.columns = 0), Err("columns"));
    assert_eq!(with(|p| p.columns = MAX_COLUMNS + 1), Err("columns"));
    assert_eq!(with(|p| p.chunk_rows = MAX_ROWS + 1), Err("chunkRows"));
    assert_eq!(with(|p| p.repeats = 0), Err("repeats"));
    assert_eq!(with(|p| p.repeats = MAX_REPEATS + 1), Err("repeats"));
    assert_eq!(with(|p| p.rows = 0), Ok(()));
    let crossed = PoolParams {
        minimum: 8,
        maximum: 4,
        ..ok
    }
    .validate(PoolMethod::Map, 2);
    let refusal = crossed.unwrap_err();
    assert_eq!(
        (refusal.field, refusal.to_string().as_str()),
        ("minimum", "Minimum must not be above maximum; got 8 and 4."),
        "a rule across fields names the field to change"
    );
}

#[test]
fn too_many_hand_offs_are_refused_at_the_rows_per_call_with_the_least_that_fits() {
    // The link that filled the wasm memory: ten million chunks, ten million spans.
    let flood = PoolParams {
        rows: 10_000_000,
        columns: 10,
        repeats: 1,
        chunk_rows: 1,
        ..PoolParams::default()
    };
    let error = flood.validate(PoolMethod::Map, 2).unwrap_err();
    assert_eq!(error.field, "chunkRows");
    assert_eq!(
        error.to_string(),
        "pool.map would hand out 10000000 chunks, more than the 100000 a run may: make \
         it at least 100 rows per call."
    );
    // 100,000 round trips fit, once; three times they do not.
    let apply = PoolParams {
        rows: 100_000,
        repeats: 1,
        ..PoolParams::default()
    };
    assert!(apply.validate(PoolMethod::Apply, 2).is_ok());
    let thrice = PoolParams {
        repeats: 3,
        ..apply
    };
    let error = thrice.clone().validate(PoolMethod::Apply, 2).unwrap_err();
    assert_eq!(error.field, "chunkRows");
    assert_eq!(
        error.to_string(),
        "pool.apply would hand out 300000 calls (100000 per repeat × 3 repeats), more than \
         the 100000 a run may: make it at least 4 rows per call, or lower the repeats."
    );
    let fits = |chunk_rows| {
        PoolParams {
            chunk_rows,
            ..thrice.clone()
        }
        .validate(PoolMethod::Apply, 2)
        .is_ok()
    };
    assert!(fits(4) && !fits(3), "the least that fits, exactly");
}

#[test]
fn a_matrix_beyond_the_memory_budget_is_refused_at_the_rows_with_the_most_that_fit() {
    for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
        let wide = PoolParams {
            rows: MAX_ROWS,
            columns: MAX_COLUMNS,
            chunk_rows: MAX_ROWS,
            ..PoolParams::default()
        };
        let error = wide.validate(method, 2).unwrap_err();
        assert_eq!(error.field, "rows", "{}", error.message);
        let most = match error.message.args.iter().find(|(name, _)| *name == "most") {
            Some((_, Arg::Count(most))) => *most as usize,
            _ => panic!("no number of rows in {:?}", error.message),
        };
        assert!(error
            .to_string()
            .ends_with(&format!(" at most {most} rows fit.")));
        let with_rows = |rows| PoolParams {
            rows,
            ..wide.clone()
        };
        assert!(with_rows(most).validate(method, 2).is_ok(), "{most} rows");
        let over = with_rows(most + 1).validate(method, 2).unwrap_err();
        assert_eq!(over.field, "rows", "{}", over.message);
    }
}

#[test]
fn the_largest_accepted_runs_stay_within_every_bound() {
    let methods = [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap];
    let mut accepted = 0;
    for method in methods {
        for workers in [1, 2, 16] {
            for columns in [1, 5, 10, 37, MAX_COLUMNS] {
                for chunk_rows in [0, 1, 2, 50, 1000, MAX_ROWS] {
                    for repeats in [1, 3, MAX_REPEATS] {
                        let mut params = PoolParams {
                            rows: MAX_ROWS,
                            columns,
                            chunk_rows,
                            repeats,
                            ..PoolParams::default()
                        };
                        // The most rows these settings accept, or none at all.
                        let fits = |rows| {
                            PoolParams {
                                rows,
                                ..params.clone()
                            }
                            .validate(method, workers)
                            .is_ok()
                        };
                        params.rows = (0..=MAX_ROWS)
                            .rev()
                            .step_by(9973)
                            .find(|&r| fits(r))
                            .unwrap_or(0);
                        let Ok(size) = params.validate(method, workers) else {
                            continue;
                        };
                        accepted += 1;
                        assert!(size.bytes <= MEMORY_BUDGET_BYTES, "{params:?}");
                        assert!(size.hand_offs <= MAX_HAND_OFFS as u64, "{params:?}");
                        // A chunk and an idle stretch per hand-off; per repeat, each
                        // worker's last idle stretch and the runner's three spans; and the
                        // runner's first two. An arrow per call of apply; per repeat, one
                        // to each worker and one back.
                        let repeats = params.repeats as u64;
                        let spans = 2 * MAX_HAND_OFFS as u64 + (workers + 3) as u64 * repeats;
                        assert!(size.spans <= spans + 2, "{params:?}");
                        let flows = MAX_HAND_OFFS as u64 + (workers + 1) as u64 * repeats;
                        assert!(size.flows <= flows, "{params:?}");
                    }
                }
            }
        }
    }
    assert!(accepted > 100, "{accepted} accepted");
}

#[test]
fn a_run_records_the_spans_and_hand_offs_its_size_predicts() {
    let pool = pool(2);
    for method in [PoolMethod::Apply, PoolMethod::Map, PoolMethod::Starmap] {
        for (rows, chunk_rows, repeats) in [
            (0, 0, 1),
            (1, 0, 2),
            (1000, 0, 3),
            (777, 10, 2),
            (300, 1, 1),
        ] {
            let params = PoolParams {
                rows,
                chunk_rows,
                repeats,
                ..PoolParams::default()
            };
            let size = params.validate(method, 2).expect("small enough");
            let events = std::sync::Mutex::new(Vec::new());
            let report = pool
                .install(|| run_pool(method, &params, &|event| events.lock().unwrap().push(event)))
                .expect("the same checks");
            let events = events.into_inner().unwrap();
            let spans: Vec<&Span> = events.iter().filter_map(Event::as_span).collect();
            let flows = events.iter().filter_map(Event::as_flow).count();
            let chunks = spans
                .iter()
                .filter(|s| s.label.english().starts_with("rows "))
                .count();
            let case = format!("{} {params:?}", method.name());
            // A span per chunk; apply's per stretch of calls, a call at least.
            if method == PoolMethod::Apply {
                assert!(chunks as u64 <= size.hand_offs, "{case}");
                assert_eq!(chunks == 0, rows == 0, "{case}");
            } else {
                assert_eq!(chunks as u64, size.hand_offs, "{case}");
            }
            assert_eq!(report.hand_offs as u64, size.hand_offs_per_repeat, "{case}");
            let runner_extras = u64::from(method != PoolMethod::Starmap);
            assert!(spans.len() as u64 + runner_extras <= size.spans, "{case}");
            assert!(flows as u64 <= size.flows, "{case}");
        }
    }
}

#[test]
fn a_span_holds_no_more_than_its_memory_allows_for() {
    assert!(format!("worker {}", u16::MAX).len() <= LANE_BYTES);
    // What a label holds on the heap: its code, or its sentence's arguments.
    let heap = |label: &Label| match label {
        Label::Code(code) => code.len() + ALLOCATION_OVERHEAD_BYTES,
        Label::Said(message) => {
            let texts: usize = (message.args.iter())
                .map(|(_, arg)| match arg {
                    Arg::Text(text) => text.len() + ALLOCATION_OVERHEAD_BYTES,
                    _ => 0,
                })
                .sum();
            message.args.capacity() * std::mem::size_of::<(&str, Arg)>()
                + ALLOCATION_OVERHEAD_BYTES
                + texts
        }
    };
    let labels = [
        rows_label(MAX_ROWS - 1, 1),
        rows_label(0, MAX_ROWS),
        Message::new(
            messages::WAITING_FOR,
            vec![("what", Arg::Text(PoolMethod::Starmap.name().to_string()))],
        )
        .into(),
        Label::said(messages::GENERATE_MATRIX),
    ];
    for label in labels {
        assert!(heap(&label) <= LABEL_HEAP_BYTES, "{label:?}");
    }
}

#[test]
fn default_chunking_gives_four_chunks_per_worker() {
    let params = PoolParams::default();
    assert_eq!(params.effective_chunk_rows(PoolMethod::Map, 2), 250_000);
    assert_eq!(params.effective_chunk_rows(PoolMethod::Starmap, 2), 250_000);
    assert_eq!(params.effective_chunk_rows(PoolMethod::Apply, 2), 1);
    let chosen = PoolParams {
        chunk_rows: 7,
        ..params.clone()
    };
    assert_eq!(chosen.effective_chunk_rows(PoolMethod::Apply, 2), 7);
    assert_eq!(
        PoolParams { rows: 0, ..params }.effective_chunk_rows(PoolMethod::Map, 2),
        1
    );
}
