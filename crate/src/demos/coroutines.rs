//! Example 3, Coroutines: a generator that receives values.
//!
//! ```python
//! def print_name(prefix):
//!     print("Searching prefix:{}".format(prefix))
//!     try:
//!         while True:
//!             name = (yield)
//!             if prefix in name:
//!                 print(name)
//!     except GeneratorExit:
//!         print("Closing coroutine!!")
//!
//! corou = print_name("Dear")
//! corou.__next__()
//! corou.send("James")
//! corou.send("Dear James")
//! corou.close()
//! ```
//!
//! A Python generator is a function that can stop at `yield` and be resumed later. Rust
//! writes that by hand here as a state machine, so that each suspension point is a state
//! one can see: `next()` runs the body up to its first `yield`; `send(value)` resumes it
//! with a value, runs it to the next `yield` and suspends it again; `close()` resumes it
//! with `GeneratorExit`. Each call runs the coroutine on the caller's thread, to its next
//! suspension, before returning, exactly as in Python. (An `async fn` is the same idea
//! compiled for you: the compiler turns each `.await` into a state of such a machine.)

use std::panic::Location;

use crate::env::{Env, Task, SPEED};
use crate::messages::{self, Arg, Message, Sentence};
use crate::params::Param;
use crate::scheduler::{SchedEvent, Site};
use crate::trace::{Event, Label, Span, SpanState, MAIN_LANE};

/// A span's label that names the call it is about: "resumed by send('Ada')".
fn said_call(sentence: Sentence, call: String) -> Label {
    Message::new(sentence, vec![("call", Arg::Text(call))]).into()
}

/// Where the body of `print_name` stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum State {
    /// Created, not started: the body has not run at all.
    Created,
    /// Stopped at `name = (yield)`, since the given time, waiting for a value.
    Suspended { since_ms: f64 },
    /// Finished: closed, or never to run again.
    Closed,
}

/// `print_name(prefix)` as a hand-written generator.
pub struct PrintName {
    prefix: String,
    state: State,
    lane: String,
}

impl PrintName {
    pub fn new(prefix: &str) -> Self {
        PrintName {
            prefix: prefix.to_string(),
            state: State::Created,
            lane: format!("print_name('{prefix}')"),
        }
    }

    pub fn state(&self) -> State {
        self.state
    }

    /// `corou.__next__()`: starts the body and runs it to its first `yield`.
    pub fn next<E: Env + ?Sized>(&mut self, env: &E) -> Result<(), String> {
        match self.state {
            State::Created => {
                let searching = format!("Searching prefix:{}", self.prefix);
                let label = said_call(messages::STARTED_BY, "next()".to_string());
                self.run(env, label, Resumes::Suspends, |body| body.print(searching));
                Ok(())
            }
            // Resuming with None: `prefix in None` raises in Python.
            State::Suspended { .. } => Err(
                "TypeError: argument of type 'NoneType' is not iterable (next() sends None)"
                    .to_string(),
            ),
            State::Closed => Err("StopIteration: the coroutine is closed".to_string()),
        }
    }

    /// `corou.send(name)`: resumes the body at its `yield` with `name`.
    pub fn send<E: Env + ?Sized>(&mut self, env: &E, name: &str) -> Result<(), String> {
        match self.state {
            State::Created => {
                Err("TypeError: can't send non-None value to a just-started generator".to_string())
            }
            State::Suspended { .. } => {
                let matches = name.contains(&self.prefix);
                let label = said_call(messages::RESUMED_BY, format!("send('{name}')"));
                self.run(env, label, Resumes::Suspends, |body| {
                    if matches {
                        body.print(name);
                    }
                });
                Ok(())
            }
            State::Closed => Err("StopIteration: the coroutine is closed".to_string()),
        }
    }

    /// `corou.close()`: raises `GeneratorExit` at the `yield`; the body says goodbye.
    pub fn close<E: Env + ?Sized>(&mut self, env: &E) {
        if let State::Suspended { .. } = self.state {
            let label = said_call(messages::RESUMED_BY, "close()".to_string());
            self.run(env, label, Resumes::Finishes, |body| {
                body.print("Closing coroutine!!")
            });
        }
        self.state = State::Closed;
    }

    /// Runs the body on the caller's thread from where it stands to its next `yield` (or
    /// to its end), recording the suspension it leaves and the stretch it runs.
    fn run<E: Env + ?Sized>(
        &mut self,
        env: &E,
        label: Label,
        resumes: Resumes,
        body: impl FnOnce(&Task<'_, E>),
    ) {
        self.record_suspension(env);
        body(&Task::start(env, self.lane.clone(), label));
        self.state = match resumes {
            Resumes::Suspends => {
                let at_yield = Site::of(Location::caller()); // py: 8 name = (yield)
                self.park(env, true, at_yield);
                State::Suspended {
                    since_ms: env.now_ms(),
                }
            }
            Resumes::Finishes => State::Closed,
        };
    }

    /// Tells the event loop's record that the body stops at its `yield` (`parked`) at
    /// `site`, or goes on from it.
    fn park<E: Env + ?Sized>(&self, env: &E, parked: bool, site: Site) {
        env.emit(Event::Sched(SchedEvent::GeneratorParked {
            lane: self.lane.clone(),
            parked,
            site,
            at_ms: env.now_ms(),
        }));
    }

    /// Records the wait at the `yield` up to now, if the body is waiting there.
    fn record_suspension<E: Env + ?Sized>(&self, env: &E) {
        if let State::Suspended { since_ms } = self.state {
            self.park(env, false, Site::of(Location::caller()));
            env.emit(Event::Span(Span {
                lane: self.lane.clone(),
                state: SpanState::Waiting,
                start_ms: since_ms,
                end_ms: env.now_ms(),
                label: Message::new(messages::SUSPENDED_AT_YIELD, Vec::new()).into(),
            }));
        }
    }
}

/// The script's coroutine: when a run is stopped while the coroutine waits at its yield,
/// the timeline shows it waiting until the stop.
struct Driven<'e, E: Env + ?Sized> {
    env: &'e E,
    coroutine: PrintName,
}

impl<E: Env + ?Sized> Drop for Driven<'_, E> {
    fn drop(&mut self) {
        self.coroutine.record_suspension(self.env);
    }
}

/// How a stretch of the body ends.
enum Resumes {
    /// At the next `yield`.
    Suspends,
    /// At the end of the body.
    Finishes,
}

pub const MAX_PAUSE_MS: u64 = 10_000;
/// The caller's pause between its steps when the page does not say.
pub const DEFAULT_PAUSE_MS: u64 = 500;

pub const PARAMS: &[Param] = &[
    Param::number("pauseMs", 0, MAX_PAUSE_MS, DEFAULT_PAUSE_MS),
    SPEED,
];
/// The longest prefix or name the page sends.
pub const MAX_TEXT: usize = 1000;

/// The original's script, with `pause_ms` of the caller's own work between its steps so
/// that the timeline shows the coroutine suspended in between (0: the original exactly).
pub async fn run_script<E: Env + ?Sized>(env: &E, pause_ms: f64) {
    let mut main = Task::start(env, MAIN_LANE, "corou = print_name(\"Dear\")");
    let mut driven = Driven {
        env,
        coroutine: PrintName::new("Dear"),
    };
    let corou = &mut driven.coroutine;
    let steps: [(&str, Option<&str>); 4] = [
        ("corou.__next__()", None),
        ("corou.send(\"James\")", Some("James")),
        ("corou.send(\"Dear James\")", Some("Dear James")),
        ("corou.close()", None),
    ];
    for (index, (call, value)) in steps.into_iter().enumerate() {
        if pause_ms > 0.0 {
            main.sleep(pause_ms).await;
        }
        main.enter(
            SpanState::Waiting,
            said_call(messages::COROUTINE_RUNS, call.to_string()),
        );
        let outcome = match (index, value) {
            (0, _) => corou.next(env),
            (_, Some(name)) => corou.send(env, name),
            (_, None) => {
                corou.close(env);
                Ok(())
            }
        };
        debug_assert!(outcome.is_ok(), "the original's script never fails");
        main.enter(SpanState::Running, "main");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::virtual_time::VirtualEnv;

    #[test]
    fn the_script_prints_exactly_the_originals_three_lines() {
        for pause in [0.0, 500.0] {
            let env = VirtualEnv::new();
            env.run(run_script(&env, pause));
            assert_eq!(
                env.printed(),
                ["Searching prefix:Dear", "Dear James", "Closing coroutine!!"]
            );
        }
    }

    #[test]
    fn the_timeline_shows_each_suspension_between_resumptions() {
        let env = VirtualEnv::new();
        env.run(run_script(&env, 500.0));
        let coroutine: Vec<(SpanState, String, f64, f64)> = env
            .events()
            .iter()
            .filter_map(Event::as_span)
            .filter(|s| s.lane == "print_name('Dear')")
            .map(|s| (s.state, s.label.english(), s.start_ms, s.end_ms))
            .collect();
        let expected = [
            (SpanState::Running, "started by next()", 500.0, 500.0),
            (SpanState::Waiting, "suspended at yield", 500.0, 1000.0),
            (
                SpanState::Running,
                "resumed by send('James')",
                1000.0,
                1000.0,
            ),
            (SpanState::Waiting, "suspended at yield", 1000.0, 1500.0),
            (
                SpanState::Running,
                "resumed by send('Dear James')",
                1500.0,
                1500.0,
            ),
            (SpanState::Waiting, "suspended at yield", 1500.0, 2000.0),
            (SpanState::Running, "resumed by close()", 2000.0, 2000.0),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(state, label, start, end)| (*state, label.to_string(), *start, *end))
            .collect();
        assert_eq!(coroutine, expected);
    }

    /// `next`, `send` and `close` run the body on main's thread: each is drawn as a call
    /// from main to the coroutine, and its suspension at the yield as a return.
    #[test]
    fn each_call_of_the_script_is_an_arrow_to_the_coroutine_and_each_yield_one_back() {
        let env = VirtualEnv::new();
        env.run(run_script(&env, 500.0));
        let arrows: Vec<(&str, String, f64)> = env
            .events()
            .iter()
            .filter_map(Event::as_flow)
            .filter(|flow| flow.kind != crate::trace::FlowKind::Timer)
            .map(|flow| (flow.kind.as_str(), flow.to_lane.clone(), flow.from_ms))
            .collect();
        let coroutine = "print_name('Dear')".to_string();
        let main = MAIN_LANE.to_string();
        let expected: Vec<(&str, String, f64)> = [500.0, 1000.0, 1500.0, 2000.0]
            .into_iter()
            .flat_map(|at| {
                [
                    ("call", coroutine.clone(), at),
                    ("return", main.clone(), at),
                ]
            })
            .collect();
        assert_eq!(arrows, expected);
    }

    #[test]
    fn the_generator_protocol_refuses_what_python_refuses() {
        let env = VirtualEnv::new();
        let mut corou = PrintName::new("Dear");
        assert!(corou
            .send(&env, "Dear X")
            .unwrap_err()
            .contains("just-started"));
        corou.next(&env).unwrap();
        assert!(matches!(corou.state(), State::Suspended { .. }));
        assert!(corou.next(&env).unwrap_err().starts_with("TypeError"));
        corou.close(&env);
        assert_eq!(corou.state(), State::Closed);
        assert!(corou
            .send(&env, "Dear Y")
            .unwrap_err()
            .starts_with("StopIteration"));
        corou.close(&env);
        assert_eq!(
            env.printed(),
            ["Searching prefix:Dear", "Closing coroutine!!"],
            "a second close does nothing"
        );
    }

    #[test]
    fn closing_an_unstarted_generator_runs_nothing() {
        let env = VirtualEnv::new();
        let mut corou = PrintName::new("Dear");
        corou.close(&env);
        assert_eq!(corou.state(), State::Closed);
        assert!(env.printed().is_empty());
    }

    #[test]
    fn a_run_stopped_half_way_shows_what_had_happened_and_no_more() {
        crate::testing::assert_stops_cleanly_at(1250.0, |env| Box::pin(run_script(env, 500.0)));
    }
}
