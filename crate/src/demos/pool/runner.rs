//! A run of examples 7–9: the pool against the plain loop, repeat after repeat.

use std::sync::atomic::Ordering;

use super::hand_out::{
    apply_into, count_parallel_into, record_stretches, starmap_into, worker_lane, ApplyStretch,
    ROWS_DONE,
};
use super::report::PoolReport;
use super::team::{with_team, Team};
use super::timeline::call_events;
use super::{Matrix, PoolMethod, PoolParams};
use crate::clock;
use crate::messages::{self, Arg, Message};
use crate::params::ParamError;
use crate::trace::{Emit, Event, Label, Line, Span, SpanSink, SpanState, RUNNER_LANE};
use playground_kernel::{call_each, Rows, StarmapItem};

/// Examples 7–9: checks the parameters, generates the matrix, runs `method` on the current
/// rayon pool, and runs the plain loop for comparison, alternating the two `repeats` times
/// so that both see the same machine. Prints what the original prints, then the timings;
/// reports every line and span through `emit` as it happens. Refuses, before allocating
/// anything, parameters that break a rule of [`PoolParams::validate`].
pub fn run_pool(
    method: PoolMethod,
    params: &PoolParams,
    emit: Emit,
) -> Result<PoolReport, ParamError> {
    let workers = rayon::current_num_threads();
    let size = params.validate(method, workers)?;
    ROWS_DONE.store(0, Ordering::Relaxed);
    let chunk_rows = params.effective_chunk_rows(method, workers);
    let repeats = params.repeats;
    // The runner's own steps, on its lane.
    let runner = SpanSink::new(true);
    let on_runner = || RUNNER_LANE.to_string();

    let matrix = runner.record(
        on_runner,
        SpanState::Running,
        || Label::said(messages::GENERATE_MATRIX),
        || Matrix::random(params.rows, params.columns, params.seed),
    );
    let (minimum, maximum) = (params.minimum, params.maximum);
    // starmap's argument tuples, built before the call as the original's list comprehension.
    let items: Vec<StarmapItem> = match method {
        PoolMethod::Starmap => runner.record(
            on_runner,
            SpanState::Running,
            || Label::said(messages::BUILD_TUPLES),
            || {
                matrix
                    .row_slices()
                    .map(|row| (row, minimum, maximum))
                    .collect()
            },
        ),
        _ => Vec::new(),
    };
    let mut parallel_times_ms = Vec::with_capacity(repeats);
    let mut sequential_times_ms = Vec::with_capacity(repeats);
    // Both results are allocated once, outside the timings: they measure counting alone.
    let mut parallel = vec![0u32; matrix.rows()];
    let mut sequential = vec![0u32; matrix.rows()];
    let rows = matrix.rows_to_count(minimum, maximum);
    let call = PoolCall {
        method,
        rows,
        items: &items,
        chunk_rows,
    };
    let waiting_label = || {
        Label::from(Message::new(
            messages::WAITING_FOR,
            vec![("what", Arg::Text(method.name().to_string()))],
        ))
    };
    // Apply's stretches of every repeat, as plain numbers, made spans and arrows only once
    // the last repeat is timed: made between repeats (as map's few chunks are), the work of
    // making 20,000 spans and arrows slowed the next repeat's round trips by a fifth to a
    // half in the page (the allocator's and the JavaScript heap's, bench/report.md).
    let apply_tracing = params.trace && method == PoolMethod::Apply;
    let mut stretches = Vec::with_capacity(if apply_tracing {
        size.hand_offs as usize
    } else {
        0
    });
    let mut apply_waits = Vec::new();
    with_pool_threads(method, |team| {
        call.warm_up(team);
        ROWS_DONE.store(0, Ordering::Relaxed);
        for _ in 0..repeats {
            let worker_spans = SpanSink::new(params.trace);
            let first_stretch = stretches.len();
            let (elapsed, wait) =
                Span::timed(on_runner(), SpanState::Waiting, waiting_label(), || {
                    call.count_into(team, &mut parallel, &worker_spans, &mut stretches)
                });
            parallel_times_ms.push(elapsed);
            if apply_tracing {
                apply_waits.push((first_stretch..stretches.len(), wait.clone()));
            } else if worker_spans.is_tracing() {
                let (chunks, sent) = worker_spans.into_parts();
                call_events(method, chunks, sent, workers, &wait, emit);
            }
            runner.extend([wait]);

            // On a pool thread, as the call's work is, and timed from here by the runner's
            // wait, as the call is: both with their hop into the pool (see `on_a_pool_thread`).
            let (loop_span, loop_wait) = Span::timed(
                on_runner(),
                SpanState::Waiting,
                Label::said(messages::WAITING_FOR_LOOP),
                || {
                    on_a_pool_thread(team, || {
                        Span::timed(
                            worker_lane(),
                            SpanState::Running,
                            Label::said(messages::SEQUENTIAL_LOOP),
                            || call.count_sequentially(&mut sequential),
                        )
                        .1
                    })
                },
            );
            sequential_times_ms.push(loop_wait.end_ms - loop_wait.start_ms);
            runner.extend([loop_wait]);
            ROWS_DONE.fetch_add(matrix.rows(), Ordering::Relaxed);
            emit(Event::Span(loop_span));
            let check = || {
                assert_eq!(
                    parallel,
                    sequential,
                    "{} and the loop disagree",
                    method.name()
                );
            };
            // On a server, where there is a team: on 10,000,000 rows the check reads 80 MB,
            // and the caller making it would run beside the servers, which may fill the
            // cores, and take a core from one of them.
            match team {
                Some(team) => team.run_on_one(check),
                None => check(),
            }
        }
    });
    for (repeat_stretches, wait) in apply_waits {
        let worker_spans = SpanSink::new(true);
        record_stretches(
            &stretches[repeat_stretches],
            chunk_rows,
            rows.count(),
            &worker_spans,
        );
        let (chunks, sent) = worker_spans.into_parts();
        call_events(method, chunks, sent, workers, &wait, emit);
    }
    drop(stretches);
    for span in runner.into_spans() {
        emit(Event::Span(span));
    }

    let report = PoolReport {
        method,
        counts_head: parallel.iter().take(10).copied().collect(),
        total: parallel.iter().map(|&c| u64::from(c)).sum(),
        rows: matrix.rows(),
        minimum,
        maximum,
        workers,
        chunk_rows,
        hand_offs: size.hand_offs_per_repeat as usize,
        repeats,
        parallel_times_ms,
        sequential_times_ms,
    };
    emit(Event::Line(Line::printed(
        RUNNER_LANE,
        report.printed(),
        clock::now_ms(),
    )));
    for sentence in report.sentences() {
        emit(Event::Line(Line::said(
            RUNNER_LANE,
            sentence,
            clock::now_ms(),
        )));
    }
    Ok(report)
}

/// One pool call of a run: `method` on the `rows` (starmap on their tuples, `items`).
#[derive(Clone, Copy)]
struct PoolCall<'a> {
    method: PoolMethod,
    rows: Rows<'a>,
    items: &'a [StarmapItem<'a>],
    chunk_rows: usize,
}

impl PoolCall<'_> {
    /// Counts every row into `counts` as `method` hands the rows out, its chunks' spans
    /// into `spans` (apply's stretches of calls, when tracing, into `stretches`, to be made
    /// spans once the last repeat is timed); returns how long that took, in milliseconds.
    fn count_into(
        &self,
        team: Option<&Team>,
        counts: &mut [u32],
        spans: &SpanSink,
        stretches: &mut Vec<ApplyStretch>,
    ) -> f64 {
        let PoolCall {
            method,
            rows,
            items,
            chunk_rows,
        } = *self;
        // Timed from the caller, which blocks on each of apply's calls until a pool thread
        // has run it (the round trips are what apply costs), and hands map's and starmap's
        // chunks out and waits for the last, as Python's pool.map puts them on its queue.
        let ((), start_ms, end_ms) = clock::timed(|| match method {
            // `stretches` is reserved for every repeat's before the first: a record is a
            // store, never a copy.
            PoolMethod::Apply => apply_into(
                counts,
                rows,
                chunk_rows,
                spans.is_tracing().then_some(stretches),
            ),
            PoolMethod::Map => {
                count_parallel_into(team.expect(ON_A_TEAM), counts, rows, chunk_rows, spans)
            }
            PoolMethod::Starmap => {
                starmap_into(team.expect(ON_A_TEAM), counts, items, chunk_rows, spans)
            }
        });
        end_ms - start_ms
    }

    /// Runs the call and the loop once on the first rows, untimed and untraced. The browser
    /// compiles wasm quickly at first and optimises the functions that turn out hot;
    /// without a warm-up the first repeat measures the quick compiler and the pool's first
    /// wake-up. The first rows are borrowed, not copied: the run's memory is counted in
    /// [`PoolParams::run_size`].
    fn warm_up(&self, team: Option<&Team>) {
        let rows = self.rows.count().min(self.method.warm_up_rows());
        let sample = PoolCall {
            rows: self.rows.first(rows),
            items: &self.items[..self.items.len().min(rows)],
            chunk_rows: self
                .chunk_rows
                .min(rows.div_ceil(rayon::current_num_threads()))
                .max(1),
            ..*self
        };
        let mut counts = vec![0u32; rows];
        sample.count_into(team, &mut counts, &SpanSink::new(false), &mut Vec::new());
        on_a_pool_thread(team, || sample.count_sequentially(&mut counts));
    }

    /// The plain loop the call is compared with: what the pool's workers run, on one
    /// thread, so that the two differ only in who runs it (starmap's call per tuple, as
    /// the original's loop calls the function per row).
    fn count_sequentially(&self, counts: &mut [u32]) {
        match self.method {
            PoolMethod::Starmap => call_each(counts, self.items),
            PoolMethod::Apply | PoolMethod::Map => self.rows.count_into(counts),
        }
    }
}

/// Map's and starmap's runs are served by a team (team.rs), whose servers hold every pool
/// thread until the run is over.
const ON_A_TEAM: &str = "map and starmap run on a team";

/// Runs `run` with a team of servers on the pool's threads for map and starmap, without one
/// for apply: its calls come one at a time, and one pool thread of its own serves them
/// (round_trip.rs), which a team would leave none for.
fn with_pool_threads<T>(method: PoolMethod, run: impl FnOnce(Option<&Team>) -> T) -> T {
    match method {
        PoolMethod::Apply => run(None),
        PoolMethod::Map | PoolMethod::Starmap => with_team(|team| run(Some(team))),
    }
}

/// `work` on a thread of the pool (one of the `team`'s servers, if there is a team), where
/// the parallel call's work runs too, so that the loop and the call differ only in how many
/// threads run it; the caller blocks meanwhile. Both are timed from the caller, each with its
/// hop into the pool. Called from a pool thread, it runs there or on another of the team's.
fn on_a_pool_thread<T: Send>(team: Option<&Team>, work: impl FnOnce() -> T + Send) -> T {
    match team {
        Some(team) => team.run_on_one(work),
        None => rayon::scope(|_| work()),
    }
}
