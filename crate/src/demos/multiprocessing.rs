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
use crate::trace::{Emit, Event, Line, Span, SpanState, MAIN_LANE};

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

/// What a finished process sends back, its clock readings in epoch milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcessReport {
    pub line: String,
    pub calls: u32,
    pub started_ms: f64,
    pub ready_ms: f64,
    pub finished_ms: f64,
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
        .map(|(i, name)| (format!("process {} ({name})", i + 1), host.start(name)))
        .collect();
    let joined = join_all(started.into_iter().map(|(lane, process)| async move {
        let report = process.await?;
        emit(Event::Span(Span {
            lane: lane.clone(),
            state: SpanState::Waiting,
            start_ms: report.started_ms,
            end_ms: report.ready_ms,
            label: Message::new(messages::PROCESS_STARTING, Vec::new()).into(),
        }));
        emit(Event::Span(Span {
            lane: lane.clone(),
            state: SpanState::Running,
            start_ms: report.ready_ms,
            end_ms: report.finished_ms,
            label: "print_func".into(),
        }));
        emit(Event::Line(Line::printed(
            lane,
            report.line.clone(),
            report.finished_ms,
        )));
        Ok::<_, String>(report)
    }))
    .await;
    let reports: Vec<ProcessReport> = joined.into_iter().collect::<Result<_, _>>()?;
    let last_finish = reports.iter().map(|r| r.finished_ms).fold(0.0, f64::max);
    let say = |message: Message| emit(Event::Line(Line::said(MAIN_LANE, message, last_finish)));
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
                    ready_ms: 10.0 + order,
                    finished_ms: 100.0 - order,
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
            [("main", 99.0), ("main", 99.0)],
            "the summary comes after the last process"
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
        assert_eq!(spans, 8, "a starting span and a running span per process");
    }

    #[test]
    fn a_global_counts_the_calls_of_its_own_instance() {
        let before = calls_in_this_instance();
        let (_, calls) = process_main("Europe");
        assert_eq!(calls, before + 1);
    }
}
