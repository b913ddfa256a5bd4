//! Example 1, Multiprocessing: processes that share nothing.
//!
//! ```python
//! def print_func(continent='Asia'):
//!     print('The name of continent is : ', continent)
//!
//! if __name__ == "__main__":
//!     names = ['America', 'Europe', 'Africa']
//!     procs = []
//!     proc = Process(target=print_func)  # instantiating without any argument
//!     procs.append(proc)
//!     proc.start()
//!
//!     for name in names:
//!         proc = Process(target=print_func, args=(name,))
//!         procs.append(proc)
//!         proc.start()
//!
//!     for proc in procs:
//!         proc.join()
//! ```
//!
//! In the browser a process is a Web Worker with its own instance of this module and its
//! own memory: nothing is shared, and a result comes back only as a message. Every
//! process starts before any is joined, so they run at the same time and finish in an
//! order nobody chose.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};

use futures::future::join_all;

use crate::messages::{self, Arg, Message};
use crate::params::Param;
use crate::trace::{Emit, Event, Flow, FlowKind, Label, Line, Span, SpanState, MAIN_LANE};

pub const DEFAULT_PROCESSES: u32 = 4;
pub const MAX_PROCESSES: u32 = 16;

pub const PARAMS: &[Param] = &[Param::number(
    "processes",
    1,
    MAX_PROCESSES as u64,
    DEFAULT_PROCESSES as u64,
)];
/// The original's default argument comes first, then its list of names, then more.
const CONTINENTS: [&str; 7] = [
    "Asia",
    "America",
    "Europe",
    "Africa",
    "Oceania",
    "Antarctica",
    "Australia",
];

/// The global every process increments: each has its own copy, so each sees 1.
static CALLS_IN_THIS_INSTANCE: AtomicU32 = AtomicU32::new(0);

pub fn print_func(continent: &str) -> String {
    // Python's print puts a space between its arguments: two spaces after the colon.
    format!("The name of continent is :  {continent}")
}

/// What a process does, in its own instance: prints, and counts its calls in a global.
pub fn process_main(continent: &str) -> (String, u32) {
    let calls = CALLS_IN_THIS_INSTANCE.fetch_add(1, Ordering::SeqCst) + 1;
    (print_func(continent), calls)
}

/// How many times [`process_main`] ran in this instance.
pub fn calls_in_this_instance() -> u32 {
    CALLS_IN_THIS_INSTANCE.load(Ordering::SeqCst)
}

/// The names of `processes` processes: the default, the original's three, then more.
pub fn continents(processes: u32) -> Vec<String> {
    (0..processes as usize)
        .map(|i| match i / CONTINENTS.len() {
            0 => CONTINENTS[i].to_string(),
            round => format!("{} {}", CONTINENTS[i % CONTINENTS.len()], round + 1),
        })
        .collect()
}

/// What a finished process sends back, with the clock readings of its life in epoch
/// milliseconds: some taken by main, some by the process.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcessReport {
    pub line: String,
    pub calls: u32,
    /// Main asked for a new worker.
    pub started_ms: f64,
    /// Main posted the process its argument.
    pub posted_ms: f64,
    /// The process, its script loaded, received it.
    pub received_ms: f64,
    /// Its own wasm instance was ready.
    pub ready_ms: f64,
    /// It had run `print_func`, and posted what it printed.
    pub finished_ms: f64,
    /// Main received that.
    pub answered_ms: f64,
}

pub type Started = Pin<Box<dyn Future<Output = Result<ProcessReport, String>>>>;

/// Starts processes: in the page, Web Workers; in tests, a stand-in.
pub trait ProcessHost {
    /// Starts a process running [`process_main`] on `continent`; the future is its join.
    fn start(&self, continent: &str) -> Started;
}

/// Starts every process, then joins them. Each line is reported when its process prints
/// it, so the output shows the order in which they happened to finish. Returns the
/// reports in start order.
pub async fn start_then_join(
    host: &dyn ProcessHost,
    processes: u32,
    emit: Emit<'_>,
) -> Result<Vec<ProcessReport>, String> {
    let names = continents(processes);
    let started: Vec<(String, Started)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| (process_lane(i, name), host.start(name)))
        .collect();
    let joined = join_all(started.into_iter().map(|(lane, process)| async move {
        let report = process.await?;
        for event in life_of(&lane, &report) {
            emit(event);
        }
        Ok::<_, String>(report)
    }))
    .await;
    let reports: Vec<ProcessReport> = joined.into_iter().collect::<Result<_, _>>()?;
    let (joins, all_joined_ms) = joins(&names, &reports);
    joins.into_iter().for_each(emit);
    let say = |message: Message| emit(Event::Line(Line::said(MAIN_LANE, message, all_joined_ms)));
    let mut finish_order: Vec<(f64, &str)> = reports
        .iter()
        .zip(&names)
        .map(|(report, name)| (report.finished_ms, name.as_str()))
        .collect();
    finish_order.sort_by(|a, b| a.0.total_cmp(&b.0));
    let finish_order = finish_order
        .into_iter()
        .map(|(_, name)| name.to_string())
        .collect();
    say(Message::new(
        messages::PROCESS_ORDER,
        vec![
            ("started", Arg::List(names.clone())),
            ("finished", Arg::List(finish_order)),
        ],
    ));
    let calls = reports.iter().map(|r| r.calls.to_string()).collect();
    say(Message::new(
        messages::PROCESS_CALLS,
        vec![
            ("calls", Arg::List(calls)),
            ("own", Arg::Count(calls_in_this_instance().into())),
        ],
    ));
    Ok(reports)
}

fn process_lane(index: usize, name: &str) -> String {
    format!("process {} ({name})", index + 1)
}

/// A process's life on its lane, as its report measured it: main starts it (an arrow),
/// the browser starts its worker, main's message with its argument arrives (an arrow), it
/// makes a wasm instance of its own, runs `print_func` and prints, and sends that back (an
/// arrow).
fn life_of(lane: &str, report: &ProcessReport) -> Vec<Event> {
    let on_lane = |state, start_ms, end_ms, label: Label| {
        Event::Span(Span {
            lane: lane.to_string(),
            state,
            start_ms,
            end_ms,
            label,
        })
    };
    let arrow = |kind, from, to| Event::Flow(Flow::new(kind, from, to));
    let main = |at_ms| (MAIN_LANE, at_ms);
    let here = |at_ms| (lane, at_ms);
    vec![
        arrow(
            FlowKind::Spawn,
            main(report.started_ms),
            here(report.started_ms),
        ),
        on_lane(
            SpanState::Waiting,
            report.started_ms,
            report.received_ms,
            Label::said(messages::PROCESS_WORKER_START),
        ),
        arrow(
            FlowKind::Send,
            main(report.posted_ms),
            here(report.received_ms),
        ),
        on_lane(
            SpanState::Running,
            report.received_ms,
            report.ready_ms,
            Label::said(messages::PROCESS_INSTANCE),
        ),
        on_lane(
            SpanState::Running,
            report.ready_ms,
            report.finished_ms,
            "print_func".into(),
        ),
        Event::Line(Line::printed(lane, report.line.clone(), report.finished_ms)),
        arrow(
            FlowKind::Send,
            here(report.finished_ms),
            main(report.answered_ms),
        ),
    ]
}

/// Main's joins, as the original makes them, one process after another once all have
/// started: each waits until its process's answer is in, and no earlier than the join
/// before it ended; an arrow from the end of the process to the end of its join. Returns
/// them, and when the last join ended.
fn joins(names: &[String], reports: &[ProcessReport]) -> (Vec<Event>, f64) {
    let mut events = Vec::new();
    let mut joined_ms = reports.iter().map(|r| r.posted_ms).fold(0.0, f64::max);
    for (index, (name, report)) in names.iter().zip(reports).enumerate() {
        let start_ms = joined_ms;
        joined_ms = joined_ms.max(report.answered_ms);
        if joined_ms > start_ms {
            events.push(Event::Span(Span {
                lane: MAIN_LANE.to_string(),
                state: SpanState::Waiting,
                start_ms,
                end_ms: joined_ms,
                label: format!("procs[{index}].join()").into(),
            }));
        }
        events.push(Event::Flow(Flow::new(
            FlowKind::Return,
            (process_lane(index, name), report.finished_ms),
            (MAIN_LANE, joined_ms),
        )));
    }
    (events, joined_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// Runs each "process" at once, reporting finish times that make the last-started
    /// process finish first.
    struct ReversedHost {
        started: RefCell<u32>,
    }

    impl ProcessHost for ReversedHost {
        fn start(&self, continent: &str) -> Started {
            let mut started = self.started.borrow_mut();
            *started += 1;
            let order = f64::from(*started);
            let line = print_func(continent);
            Box::pin(async move {
                Ok(ProcessReport {
                    line,
                    calls: 1,
                    started_ms: order,
                    posted_ms: order + 0.5,
                    received_ms: 5.0 + order,
                    ready_ms: 10.0 + order,
                    finished_ms: 100.0 - order,
                    answered_ms: 100.5 - order,
                })
            })
        }
    }

    #[test]
    fn prints_like_python_with_two_spaces_after_the_colon() {
        assert_eq!(print_func("Asia"), "The name of continent is :  Asia");
    }

    #[test]
    fn the_default_comes_first_then_the_originals_names() {
        assert_eq!(continents(4), ["Asia", "America", "Europe", "Africa"]);
        let sixteen = continents(16);
        assert_eq!(sixteen.len(), 16);
        assert_eq!(sixteen[7], "Asia 2");
        assert_eq!(sixteen[15], "America 3");
    }

    #[test]
    fn every_process_is_started_and_reported_on_its_lane() {
        let host = ReversedHost {
            started: RefCell::new(0),
        };
        let events = RefCell::new(Vec::new());
        let reports = crate::virtual_time::VirtualEnv::new()
            .run(start_then_join(&host, 4, &|e| events.borrow_mut().push(e)))
            .unwrap();
        assert_eq!(reports.len(), 4);
        assert_eq!(reports[0].line, "The name of continent is :  Asia");
        let events = events.into_inner();
        let lines: Vec<_> = events
            .iter()
            .filter_map(Event::as_line)
            .map(|line| (line.lane.as_str(), line.at_ms))
            .collect();
        assert_eq!(lines.len(), 6, "a line per process, then two of summary");
        assert!(lines.contains(&("process 4 (Africa)", 96.0)));
        assert_eq!(
            lines[4..],
            [("main", 99.5), ("main", 99.5)],
            "the summary comes after the last join"
        );
        let texts: Vec<_> = events
            .iter()
            .filter_map(Event::as_line)
            .map(|l| &l.text)
            .collect();
        assert_eq!(
            texts[4],
            "Started in the order Asia, America, Europe, Africa; \
             finished in the order Africa, Europe, America, Asia."
        );
        let spans = events
            .iter()
            .filter(|e| matches!(e, Event::Span(_)))
            .count();
        assert_eq!(
            spans,
            3 * 4 + 1,
            "a worker's start, an instance's and the work per process; one join that waited"
        );
    }

    #[test]
    fn each_process_is_started_sent_its_argument_answers_and_is_joined_in_order() {
        let host = ReversedHost {
            started: RefCell::new(0),
        };
        let events = RefCell::new(Vec::new());
        crate::virtual_time::VirtualEnv::new()
            .run(start_then_join(&host, 3, &|e| events.borrow_mut().push(e)))
            .unwrap();
        let events = events.into_inner();
        let on = |lane: &str| -> Vec<(SpanState, f64, f64, String)> {
            let spans = events.iter().filter_map(Event::as_span);
            let spans = spans.filter(|s| s.lane == lane);
            spans
                .map(|s| (s.state, s.start_ms, s.end_ms, s.label.english()))
                .collect()
        };
        assert_eq!(
            on("process 2 (America)"),
            [
                (
                    SpanState::Waiting,
                    2.0,
                    7.0,
                    "starting: a new worker".into()
                ),
                (
                    SpanState::Running,
                    7.0,
                    12.0,
                    "a wasm instance of its own".into()
                ),
                (SpanState::Running, 12.0, 98.0, "print_func".into()),
            ]
        );
        let flows: Vec<(FlowKind, &str, f64, &str, f64)> = (events.iter())
            .filter_map(Event::as_flow)
            .filter(|f| f.from_lane.contains("America") || f.to_lane.contains("America"))
            .map(|f| {
                (
                    f.kind,
                    f.from_lane.as_str(),
                    f.from_ms,
                    f.to_lane.as_str(),
                    f.to_ms,
                )
            })
            .collect();
        let lane = "process 2 (America)";
        assert_eq!(
            flows,
            [
                (FlowKind::Spawn, "main", 2.0, lane, 2.0),
                (FlowKind::Send, "main", 2.5, lane, 7.0),
                (FlowKind::Send, lane, 98.0, "main", 98.5),
                // Joined after process 1, whose answer came last (99.5).
                (FlowKind::Return, lane, 98.0, "main", 99.5),
            ]
        );
        // Joins one after another from the last start: the first waits for its answer, the
        // others' answers were in by then.
        assert_eq!(
            on("main"),
            [(SpanState::Waiting, 3.5, 99.5, "procs[0].join()".into())]
        );
    }

    #[test]
    fn a_global_counts_the_calls_of_its_own_instance() {
        let before = calls_in_this_instance();
        let (_, calls) = process_main("Europe");
        assert_eq!(calls, before + 1);
    }
}
