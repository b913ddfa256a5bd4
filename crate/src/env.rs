//! The interface the event-loop examples are written against.
//!
//! An example never calls the browser or the OS directly: it asks its [`Env`] for the time,
//! for a sleep and to print. In the page the environment is the browser's event loop
//! (`web::BrowserEnv`); in `cargo test` it is [`crate::virtual_time::VirtualEnv`], whose
//! clock jumps from timer to timer so that a 12-second example is checked in microseconds.

use std::future::Future;
use std::pin::Pin;

use crate::trace::{Event, Line, Span, SpanState};

/// A sleep that does not block the thread: other tasks run meanwhile.
pub type Sleep = Pin<Box<dyn Future<Output = ()>>>;

pub trait Env {
    fn now_ms(&self) -> f64;
    fn sleep(&self, ms: f64) -> Sleep;
    fn emit(&self, event: Event);
}

/// One lane of the timeline: a coroutine or task, tracked from state to state so that every
/// moment between its start and its end belongs to exactly one span.
pub struct Task<'e, E: Env + ?Sized> {
    env: &'e E,
    lane: String,
    current: Option<(SpanState, f64, String)>,
}

impl<'e, E: Env + ?Sized> Task<'e, E> {
    /// Starts the lane in the running state.
    pub fn start(env: &'e E, lane: impl Into<String>, label: impl Into<String>) -> Self {
        let mut task = Task {
            env,
            lane: lane.into(),
            current: None,
        };
        task.enter(SpanState::Running, label);
        task
    }

    pub fn lane(&self) -> &str {
        &self.lane
    }

    pub fn print(&self, text: impl Into<String>) {
        self.env.emit(Event::Line(Line {
            lane: self.lane.clone(),
            text: text.into(),
            at_ms: self.env.now_ms(),
        }));
    }

    /// Ends the current span (if any) and opens one in `state`.
    pub fn enter(&mut self, state: SpanState, label: impl Into<String>) {
        let now = self.env.now_ms();
        self.close_span(now);
        self.current = Some((state, now, label.into()));
    }

    /// Sleeps without blocking, recorded as a sleeping span, then runs on.
    pub async fn sleep(&mut self, ms: f64) {
        let label = format!("sleep {}", format_seconds(ms));
        self.enter(SpanState::Sleeping, label);
        self.env.sleep(ms).await;
        self.enter(SpanState::Running, "running");
    }

    fn close_span(&mut self, now: f64) {
        if let Some((state, start_ms, label)) = self.current.take() {
            self.env.emit(Event::Span(Span {
                lane: self.lane.clone(),
                state,
                start_ms,
                end_ms: now,
                label,
            }));
        }
    }
}

/// A task dropped half-way (its run was stopped) still closes its last span, so the
/// timeline shows how far it got.
impl<E: Env + ?Sized> Drop for Task<'_, E> {
    fn drop(&mut self) {
        let now = self.env.now_ms();
        self.close_span(now);
    }
}

/// "1 s", "0.25 s": durations the way the examples' sleeps are written.
pub fn format_seconds(ms: f64) -> String {
    let seconds = ms / 1000.0;
    if seconds.fract() == 0.0 {
        format!("{seconds} s")
    } else {
        format!("{seconds:.2} s")
    }
}
