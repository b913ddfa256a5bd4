//! Example 4, Count Async: three `count()` coroutines gathered on one event loop.
//!
//! ```python
//! async def count():
//!     print("One")
//!     await asyncio.sleep(1)
//!     print("Two")
//!
//! async def main():
//!     await asyncio.gather(count(), count(), count())
//! ```
//!
//! Each `count()` prints `One`, then hands the thread back to the event loop for a second;
//! all three sleep at the same time, so the whole program takes one second, not three.
//! The sequential twin awaits each `count()` before starting the next: three seconds.
//! Side by side, both run at once on one event loop, each in lanes of its own.

use std::future::Future;
use std::pin::Pin;

use crate::env::{awaiting, Env, Task, SPEED};
use crate::messages::{self, Arg};
use crate::params::{Param, ParamError};
use crate::trace::{SpanState, MAIN_LANE};

pub const DEFAULT_COROUTINES: u32 = 3;
pub const MAX_COROUTINES: u32 = 10_000;

pub const PARAMS: &[Param] = &[
    Param::choice("mode", Mode::CHOICES, "gather"),
    Param::number(
        "coroutines",
        1,
        MAX_COROUTINES as u64,
        DEFAULT_COROUTINES as u64,
    ),
    SPEED,
];
const SLEEP_MS: f64 = 1000.0;
/// The longest a run may take in real time. One after another, coroutines add up their
/// seconds: 10,000 of them would keep a learner waiting 17 minutes even at 10×.
pub const MAX_WAIT_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Refuses, before it starts, a run that would take longer than [`MAX_WAIT_MS`] at
/// `speed`, naming the number of coroutines as the field to change.
pub fn check_duration(coroutines: u32, mode: Mode, speed: f64) -> Result<(), ParamError> {
    let own_ms = match mode {
        Mode::Gather => SLEEP_MS,
        Mode::Sequential | Mode::SideBySide => f64::from(coroutines) * SLEEP_MS,
    };
    let real_ms = own_ms / speed;
    if real_ms <= MAX_WAIT_MS {
        return Ok(());
    }
    let most = (MAX_WAIT_MS * speed / SLEEP_MS).floor();
    Err(ParamError::new(
        "coroutines",
        messages::COROUTINES_TOO_LONG,
        vec![
            ("coroutines", Arg::Count(coroutines.into())),
            ("seconds", Arg::Seconds { ms: own_ms }),
            ("minutes", Arg::Count((real_ms / 60_000.0).round() as u64)),
            ("speed", Arg::Number(speed)),
            ("most", Arg::Count(most as u64)),
            ("limit", Arg::Count((MAX_WAIT_MS / 60_000.0).round() as u64)),
        ],
    ))
}

/// How the page runs the coroutines: as the original does, as its sequential twin, or both
/// at once on the same event loop, so that the two can be compared as they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Gather,
    Sequential,
    SideBySide,
}

impl Mode {
    /// As the page names them: the original, its sequential twin, both at once.
    pub const CHOICES: &'static [&'static str] = &["gather", "sequential", "both"];

    /// The mode a checked choice names.
    pub fn of_choice(choice: &str) -> Mode {
        match choice {
            "sequential" => Mode::Sequential,
            "both" => Mode::SideBySide,
            _ => Mode::Gather,
        }
    }
}

/// The elapsed milliseconds of each way that ran.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Elapsed {
    pub gathered: Option<f64>,
    pub sequential: Option<f64>,
}

/// Side by side, the two runs' lanes need telling apart.
const GATHERED_LANES: &str = "gathered · ";
const SEQUENTIAL_LANES: &str = "one after another · ";

/// One way's coroutines, started by the coroutine `main`; returns its elapsed time.
type Way<'a> = Pin<Box<dyn Future<Output = f64> + 'a>>;

/// Runs the coroutines as `mode` says. Each script's time counts from the start of the
/// run, as the originals' `perf_counter()` is read before the event loop starts.
pub async fn run<E: Env + ?Sized>(env: &E, coroutines: u32, mode: Mode) -> Elapsed {
    let start = env.now_ms();
    let mut main = Task::start(env, MAIN_LANE, "main()"); // py: 17 asyncio.run(main())
    let counts = |lanes| Counts {
        coroutines,
        lanes,
        start,
    };
    match mode {
        Mode::Gather => Elapsed {
            gathered: Some(gather_counts(env, &mut main, counts("")).await),
            sequential: None,
        },
        Mode::Sequential => Elapsed {
            gathered: None,
            sequential: Some(count_one_after_another(env, &mut main, counts("")).await),
        },
        Mode::SideBySide => {
            // As `asyncio.gather(gathered(), one_after_another())`: each way a task.
            let way = |lanes: &'static str| async move {
                let mut way_main = Task::start(env, format!("{lanes}main()"), "main()"); // py: 11 main
                if lanes == GATHERED_LANES {
                    gather_counts(env, &mut way_main, counts(lanes)).await
                } else {
                    count_one_after_another(env, &mut way_main, counts(lanes)).await
                }
            };
            let ways: [(String, Way); 2] = [
                ("gathered".to_string(), Box::pin(way(GATHERED_LANES))),
                (
                    "one after another".to_string(),
                    Box::pin(way(SEQUENTIAL_LANES)),
                ),
            ];
            let elapsed = main.gather(ways).await; // py: countasync.py:12 await asyncio.gather(
            Elapsed {
                gathered: Some(elapsed[0]),
                sequential: Some(elapsed[1]),
            }
        }
    }
}

pub async fn count<E: Env + ?Sized>(env: &E, lane: String) {
    let mut task = Task::start(env, lane, "count()"); // py: 6 async def count():
    task.print("One"); // py: 7 print("One")
    task.sleep(SLEEP_MS).await; // py: 8 await asyncio.sleep(1)
    task.print("Two"); // py: 9 print("Two")
}

/// One way's `count()` coroutines: how many, their lanes' prefix, and the moment the
/// script's time counts from.
#[derive(Clone, Copy)]
struct Counts<'l> {
    coroutines: u32,
    lanes: &'l str,
    start: f64,
}

/// `await asyncio.gather(count(), count(), ...)` in `main`: every `count()` runs at once.
/// Returns the milliseconds elapsed since the start.
async fn gather_counts<E: Env + ?Sized>(env: &E, main: &mut Task<'_, E>, way: Counts<'_>) -> f64 {
    let Counts {
        coroutines,
        lanes,
        start,
    } = way;
    let counts = (1..=coroutines).map(|i| {
        let lane = lane_name(lanes, i);
        (lane.clone(), count(env, lane))
    });
    main.gather(counts).await; // py: countasync.py:12 await asyncio.gather(count(), count(), count())
    report_elapsed(env, main, "count_async.rs", start)
}

/// The sequential twin: `main` awaits each `count()` before it starts the next. Returns
/// the milliseconds elapsed since the start.
async fn count_one_after_another<E: Env + ?Sized>(
    env: &E,
    main: &mut Task<'_, E>,
    way: Counts<'_>,
) -> f64 {
    let Counts {
        coroutines,
        lanes,
        start,
    } = way;
    for i in 1..=coroutines {
        main.enter(SpanState::Waiting, awaiting("count()")); // py: countsync.py:13 count()
        count(env, lane_name(lanes, i)).await;
    }
    report_elapsed(env, main, "count_sync.rs", start)
}

fn lane_name(lanes: &str, i: u32) -> String {
    format!("{lanes}count() #{i}")
}

fn report_elapsed<E: Env + ?Sized>(
    env: &E,
    main: &mut Task<'_, E>,
    script: &str,
    start: f64,
) -> f64 {
    let elapsed = env.now_ms() - start;
    main.enter(SpanState::Running, "print"); // py: 18 elapsed = time.perf_counter() - s
    let seconds = elapsed / 1000.0;
    let report = format!("{script} executed in {seconds:.2} seconds.");
    main.print(report); // py: 19 print(f"{__file__} executed
    elapsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Event, Line, Span, SpanState};
    use crate::virtual_time::VirtualEnv;

    fn lines(events: &[Event]) -> Vec<(String, String, f64)> {
        events
            .iter()
            .filter_map(Event::as_line)
            .map(
                |Line {
                     lane, text, at_ms, ..
                 }| (lane.clone(), text.clone(), *at_ms),
            )
            .collect()
    }

    fn spans_of(events: &[Event], lane: &str) -> Vec<(SpanState, f64, f64)> {
        events
            .iter()
            .filter_map(Event::as_span)
            .filter(|span| span.lane == lane)
            .map(|span| (span.state, span.start_ms, span.end_ms))
            .collect()
    }

    #[test]
    fn gathered_counts_print_all_ones_then_all_twos_in_one_second() {
        let env = VirtualEnv::new();
        let elapsed = env.run(run(&env, 3, Mode::Gather)).gathered.unwrap();
        assert_eq!(elapsed, 1000.0);
        let printed = lines(&env.events());
        let expected = [
            ("count() #1", "One", 0.0),
            ("count() #2", "One", 0.0),
            ("count() #3", "One", 0.0),
            ("count() #1", "Two", 1000.0),
            ("count() #2", "Two", 1000.0),
            ("count() #3", "Two", 1000.0),
            ("main", "count_async.rs executed in 1.00 seconds.", 1000.0),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(lane, text, at)| (lane.to_string(), text.to_string(), *at))
            .collect();
        assert_eq!(printed, expected);
    }

    #[test]
    fn each_gathered_count_runs_sleeps_a_second_then_runs_again() {
        let env = VirtualEnv::new();
        env.run(run(&env, 3, Mode::Gather));
        for i in 1..=3 {
            assert_eq!(
                spans_of(&env.events(), &lane_name("", i)),
                vec![
                    (SpanState::Running, 0.0, 0.0),
                    (SpanState::Sleeping, 0.0, 1000.0),
                    (SpanState::Running, 1000.0, 1000.0),
                ]
            );
        }
    }

    #[test]
    fn counts_one_after_another_take_three_seconds() {
        let env = VirtualEnv::new();
        let elapsed = env.run(run(&env, 3, Mode::Sequential)).sequential.unwrap();
        assert_eq!(elapsed, 3000.0);
        let texts: Vec<_> = lines(&env.events()).into_iter().map(|l| l.1).collect();
        assert_eq!(
            texts,
            [
                "One",
                "Two",
                "One",
                "Two",
                "One",
                "Two",
                "count_sync.rs executed in 3.00 seconds."
            ]
        );
        assert_eq!(
            spans_of(&env.events(), &lane_name("", 3)),
            vec![
                (SpanState::Running, 2000.0, 2000.0),
                (SpanState::Sleeping, 2000.0, 3000.0),
                (SpanState::Running, 3000.0, 3000.0),
            ]
        );
    }

    #[test]
    fn ten_thousand_gathered_counts_still_take_one_second() {
        let env = VirtualEnv::new();
        let elapsed = env
            .run(run(&env, MAX_COROUTINES, Mode::Gather))
            .gathered
            .unwrap();
        assert_eq!(elapsed, 1000.0);
        let events = env.events();
        let printed = lines(&events);
        assert_eq!(printed.len(), 2 * MAX_COROUTINES as usize + 1);
        assert!(printed[..MAX_COROUTINES as usize]
            .iter()
            .all(|l| l.1 == "One"));
        let sleeping = events
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Event::Span(Span {
                        state: SpanState::Sleeping,
                        ..
                    })
                )
            })
            .count();
        assert_eq!(sleeping, MAX_COROUTINES as usize);
    }

    #[test]
    fn a_run_stopped_half_way_shows_what_had_happened_and_no_more() {
        for (mode, stop_ms) in [
            (Mode::Gather, 500.0),
            (Mode::Sequential, 2500.0),
            (Mode::SideBySide, 2500.0),
        ] {
            crate::testing::assert_stops_cleanly_at(stop_ms, move |env| {
                Box::pin(async move {
                    run(env, 3, mode).await;
                })
            });
        }
    }

    #[test]
    fn side_by_side_both_run_at_once_and_each_keeps_its_own_time() {
        let env = VirtualEnv::new();
        let elapsed = env.run(run(&env, 3, Mode::SideBySide));
        assert_eq!(
            elapsed,
            Elapsed {
                gathered: Some(1000.0),
                sequential: Some(3000.0)
            }
        );
        assert_eq!(env.now_ms(), 3000.0, "together, not one after the other");
        let texts = env.printed();
        assert_eq!(texts.iter().filter(|t| *t == "One").count(), 6);
        assert!(texts.contains(&"count_async.rs executed in 1.00 seconds.".to_string()));
        assert_eq!(
            texts.last().unwrap(),
            "count_sync.rs executed in 3.00 seconds."
        );
        let lanes: std::collections::BTreeSet<String> = env
            .events()
            .iter()
            .filter_map(Event::as_span)
            .map(|s| s.lane.clone())
            .collect();
        assert!(lanes.contains("gathered · count() #3"));
        assert!(lanes.contains("one after another · count() #3"));
    }

    #[test]
    fn runs_longer_than_anyone_waits_are_refused_by_their_coroutines() {
        assert_eq!(check_duration(MAX_COROUTINES, Mode::Gather, 1.0), Ok(()));
        assert_eq!(check_duration(300, Mode::Sequential, 1.0), Ok(()));
        for (coroutines, mode, speed) in [
            (301, Mode::Sequential, 1.0),
            (MAX_COROUTINES, Mode::SideBySide, 10.0),
            (3001, Mode::Sequential, 10.0),
        ] {
            let refused = check_duration(coroutines, mode, speed).unwrap_err();
            assert_eq!(refused.field, "coroutines");
            assert!(refused.to_string().contains("at most"), "{refused}");
        }
        assert_eq!(check_duration(3000, Mode::SideBySide, 10.0), Ok(()));
    }

    #[test]
    fn modes_are_named_as_the_page_names_them() {
        let modes: Vec<Mode> = Mode::CHOICES.iter().map(|c| Mode::of_choice(c)).collect();
        assert_eq!(modes, [Mode::Gather, Mode::Sequential, Mode::SideBySide]);
    }
}
