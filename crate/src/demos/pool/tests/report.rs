//! The report: the speedup with its spread, the verdict and why, in sentences.

use super::*;

/// A report of `workers` workers whose repeats took these times, for 8 chunks of 1000
/// rows each.
fn report_of(workers: usize, parallel: &[f64], sequential: &[f64]) -> PoolReport {
    PoolReport {
        method: PoolMethod::Map,
        counts_head: vec![3, 1],
        total: 4,
        rows: 8000,
        minimum: 4,
        maximum: 8,
        workers,
        chunk_rows: 1000,
        hand_offs: 8,
        repeats: parallel.len(),
        parallel_times_ms: parallel.to_vec(),
        sequential_times_ms: sequential.to_vec(),
    }
}

#[test]
fn the_speedup_is_the_repeats_median_and_range() {
    let report = report_of(2, &[1.0, 0.8, 2.0], &[2.0, 2.0, 1.0]);
    assert_eq!(report.speedups(), [2.0, 2.5, 0.5]);
    assert_eq!(
        report.speedup(),
        Some(Spread {
            median: 2.0,
            min: 0.5,
            max: 2.5
        })
    );
    assert_eq!(speedup_text(&report).as_deref(), Some("2.00× (0.50–2.50×)"));
    let once = report_of(2, &[4.0], &[1.0]);
    assert_eq!(speedup_text(&once).as_deref(), Some("0.25×"));
    let tiny = report_of(2, &[4000.0], &[1.0]);
    assert_eq!(speedup_text(&tiny).as_deref(), Some("0.00025×"));
    let ratio_text =
        |value| Message::new(messages::SPEEDUP, vec![("median", ratio(value))]).english();
    assert_eq!(ratio_text(0.000056), "0.000056×");
    assert_eq!(ratio_text(0.05), "0.050×");
    assert_eq!(ratio_text(0.1), "0.10×");
    assert_eq!(ratio_text(17500.183), "17500.18×");
}

#[test]
fn the_verdict_follows_the_spread_of_the_repeats() {
    let verdict =
        |parallel: &[f64], sequential: &[f64]| report_of(2, parallel, sequential).verdict();
    assert_eq!(verdict(&[1.0, 0.9, 1.1], &[2.0, 2.0, 2.0]), Verdict::Won);
    assert_eq!(verdict(&[2.0, 2.1, 2.2], &[1.0, 2.0, 1.5]), Verdict::Lost);
    assert_eq!(verdict(&[1.0, 1.2, 0.9], &[1.1, 1.0, 1.0]), Verdict::Tie);
    assert_eq!(verdict(&[1.0], &[1.0]), Verdict::Tie, "exactly as fast");
    assert_eq!(verdict(&[1.0], &[0.996]), Verdict::Tie, "written 1.00×");
    assert_eq!(verdict(&[1.0], &[1.004]), Verdict::Tie, "written 1.00×");
    assert_eq!(verdict(&[1.0], &[1.006]), Verdict::Won, "written 1.01×");
    assert_eq!(verdict(&[0.0, 0.01], &[0.01, 0.0]), Verdict::TooQuick);
    assert_eq!(
        verdict(&[0.0, 0.01, 0.02], &[0.01, 0.0, 0.01]),
        Verdict::Lost,
        "from the repeats the clock could time"
    );
    let empty = PoolReport {
        rows: 0,
        ..report_of(2, &[0.01], &[0.0])
    };
    assert_eq!(empty.verdict(), Verdict::NoRows);
    assert_eq!(empty.speedup(), None);
}

#[test]
fn the_verdict_says_why_from_the_runs_own_numbers() {
    let lost = report_of(2, &[1.2, 1.3, 1.1], &[1.0, 1.1, 0.9]);
    assert_eq!(
        lost.costs(),
        Costs {
            share_ms: 0.5,
            saved_ms: 0.5,
            hand_off_ms: 0.7
        }
    );
    assert_eq!(
        lines(&lost)[4],
        "The pool lost: slower than the loop in all 3 repeats. Split over 2 workers, the \
         loop's 1.00 ms of counting is 0.50 ms each, which saves 0.50 ms; handing out the \
         8 chunks cost 0.70 ms (87.50 µs each)."
    );
    let won = report_of(2, &[30.0], &[40.0]);
    assert_eq!(
        lines(&won)[4],
        "The pool won: faster than the loop in its one repeat. Split over 2 workers, the \
         loop's 40.00 ms of counting is 20.00 ms each, which saves 20.00 ms; handing out \
         the 8 chunks cost 10.00 ms (1.25 ms each)."
    );
    let tie = report_of(2, &[1.0, 1.2, 0.9], &[1.1, 1.0, 1.0]);
    assert!(
        lines(&tie)[4].starts_with("A tie within the noise: the repeats ran from 0.83× to 1.11×. "),
        "{}",
        lines(&tie)[4]
    );
    let alone = report_of(1, &[1.1, 1.2, 1.1], &[1.0, 1.0, 1.0]);
    assert_eq!(
        lines(&alone)[4],
        "The pool lost: slower than the loop in all 3 repeats. On 1 worker nothing is \
         split, so nothing is saved; handing out the 8 chunks cost 0.10 ms (12.50 µs \
         each)."
    );
    let superlinear = report_of(2, &[0.4], &[1.0]);
    assert!(
        lines(&superlinear)[4].ends_with("handing out the 8 chunks cost no measurable time."),
        "{}",
        lines(&superlinear)[4]
    );
}

#[test]
fn counts_are_never_written_with_a_wrong_plural() {
    let one = PoolReport {
        chunk_rows: 1,
        ..report_of(1, &[1.0], &[1.0])
    };
    let lines = lines(&one).join("\n");
    assert!(lines.contains("on 1 worker in "), "{lines}");
    assert!(lines.contains("chunks of 1 row,"), "{lines}");
    assert!(
        !lines.contains(" 1 workers") && !lines.contains(" 1 rows"),
        "{lines}"
    );
}

#[test]
fn lists_print_like_python() {
    assert_eq!(python_list(&[3, 1, 2]), "[3, 1, 2]");
    assert_eq!(python_list(&[]), "[]");
}
