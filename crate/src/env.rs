//! The interface the event-loop examples are written against.
//!
//! An example never calls the browser or the OS directly: it asks its [`Env`] for the time,
//! for a sleep and to print. In the page the environment is the browser's event loop
//! (`web::BrowserEnv`); in `cargo test` it is [`crate::virtual_time::VirtualEnv`], whose
//! clock jumps from timer to timer so that a 12-second example is checked in microseconds.

use std::future::Future;
use std::panic::Location;
use std::pin::Pin;

use crate::messages::{self, Arg, Message};
use crate::params::{Param, ParamError};
use crate::scheduler::{Cause, Frame, Scheduler, Site};
use crate::trace::{Event, Flow, FlowKind, Label, Line, Span, SpanState, MAIN_LANE};

/// A sleep that does not block the thread: other tasks run meanwhile.
pub type Sleep = Pin<Box<dyn Future<Output = ()>>>;

/// `asyncio.sleep(0)`: no timer, no time; the task only steps back behind the tasks that
/// are ready, and runs on once they have had their turn. (A zero-delay browser timer would
/// cost milliseconds: browsers clamp nested timers to 4 ms and fire them late.)
pub fn yield_now() -> Sleep {
    let mut yielded = false;
    Box::pin(std::future::poll_fn(move |cx| {
        if yielded {
            return std::task::Poll::Ready(());
        }
        yielded = true;
        crate::scheduler::waking_because(Cause::Yield, || cx.waker().wake_by_ref());
        std::task::Poll::Pending
    }))
}

pub trait Env {
    fn now_ms(&self) -> f64;
    fn sleep(&self, ms: f64) -> Sleep;
    fn emit(&self, event: Event);
    /// The event loop's record of its tasks (see [`crate::scheduler`]).
    fn scheduler(&self) -> &Scheduler;
    /// When a sleep of `ms` set now would be due.
    fn deadline_ms(&self, ms: f64) -> f64 {
        self.now_ms() + ms
    }
}

/// One lane of the timeline: a coroutine or task, tracked from state to state so that every
/// moment between its start and its end belongs to exactly one span.
pub struct Task<'e, E: Env + ?Sized> {
    env: &'e E,
    lane: String,
    current: Option<(SpanState, f64, Label)>,
}

impl<'e, E: Env + ?Sized> Task<'e, E> {
    /// Starts the lane in the running state, in the task the event loop is running.
    #[track_caller]
    pub fn start(env: &'e E, lane: impl Into<String>, label: impl Into<Label>) -> Self {
        let site = Site::of(Location::caller());
        let lane = lane.into();
        let label = label.into();
        // One moment for the span's start and the arrow that leads to it.
        let now = env.now_ms();
        env.scheduler().lane_started(
            env,
            Frame {
                lane: lane.clone(),
                state: SpanState::Running,
                label: label.clone(),
                site,
            },
            now,
        );
        Task {
            env,
            lane,
            current: Some((SpanState::Running, now, label)),
        }
    }

    #[track_caller]
    pub fn print(&self, text: impl Into<String>) {
        let mut line = Line::printed(self.lane.clone(), text, self.env.now_ms());
        line.site = Some(Site::of(Location::caller()));
        self.say_line(line);
    }

    /// A sentence of the playground's own on this lane (see [`crate::messages`]).
    pub fn say(&self, message: Message) {
        self.say_line(Line::said(self.lane.clone(), message, self.env.now_ms()));
    }

    fn say_line(&self, line: Line) {
        self.env.emit(Event::Line(line));
    }

    /// Ends the current span (if any) and opens one in `state`.
    #[track_caller]
    pub fn enter(&mut self, state: SpanState, label: impl Into<Label>) {
        self.enter_at(state, label.into(), Site::of(Location::caller()));
    }

    /// As `enter`, at the source line `site`; returns the moment the new span starts.
    fn enter_at(&mut self, state: SpanState, label: Label, site: Site) -> f64 {
        let now = self.env.now_ms();
        self.close_span(now);
        self.env
            .scheduler()
            .lane_entered(&self.lane, state, &label, site);
        self.current = Some((state, now, label));
        now
    }

    /// Sleeps without blocking, recorded as a sleeping span and a timer of the event
    /// loop's, then runs on. A zero sleep sets no timer: it only yields.
    #[track_caller]
    pub fn sleep(&mut self, ms: f64) -> impl Future<Output = ()> + use<'_, 'e, E> {
        let site = Site::of(Location::caller());
        async move {
            let label = Message::new(messages::SLEEP, vec![("seconds", Arg::Seconds { ms })]);
            let set_at = self.enter_at(SpanState::Sleeping, label.into(), site);
            let env = self.env;
            let timer = (ms > 0.0)
                .then(|| env.scheduler().timer_set(env, &self.lane, ms))
                .flatten();
            env.sleep(ms).await;
            let resumed = Message::new(messages::RESUMED, Vec::new());
            let resumed_at = self.enter_at(SpanState::Running, resumed.into(), site);
            if timer.is_some() {
                env.emit(Event::Flow(Flow {
                    kind: FlowKind::Timer,
                    from_lane: self.lane.clone(),
                    from_ms: set_at,
                    to_lane: self.lane.clone(),
                    to_ms: resumed_at,
                }));
            }
        }
    }

    /// `await asyncio.gather(...)` from this coroutine: it waits while the tasks run.
    #[track_caller]
    pub fn gather<F: Future, I: IntoIterator<Item = (String, F)>>(
        &mut self,
        named: I,
    ) -> impl Future<Output = Vec<F::Output>> + use<'_, 'e, E, F, I> {
        let site = Site::of(Location::caller());
        async move {
            self.enter_at(
                SpanState::Waiting,
                awaiting("asyncio.gather()").into(),
                site,
            );
            let outputs = gather(self.env, named).await;
            let resumed = Message::new(messages::RESUMED, Vec::new());
            self.enter_at(SpanState::Running, resumed.into(), site);
            outputs
        }
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

/// The label of a coroutine waiting for another: "awaiting part1(1)".
pub fn awaiting(call: impl Into<String>) -> Message {
    Message::new(messages::AWAITING, vec![("call", Arg::Text(call.into()))])
}

/// A task dropped half-way (its run was stopped) still closes its last span, so the
/// timeline shows how far it got.
impl<E: Env + ?Sized> Drop for Task<'_, E> {
    fn drop(&mut self) {
        let now = self.env.now_ms();
        self.close_span(now);
        self.env.scheduler().lane_ended(self.env, &self.lane, now);
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

/// An example run faster than real time, without changing its structure: every sleep takes
/// `1 / speed` of its time, and the clock the example reads runs `speed` times as fast from
/// `origin_ms`. What it prints and the spans it records are in the example's own seconds,
/// so a 12-second example watched at 4× still reports 12 seconds.
pub struct Accelerated<E> {
    inner: E,
    speed: f64,
    origin_ms: f64,
}

pub const MIN_SPEED: f64 = 0.25;
pub const MAX_SPEED: f64 = 100.0;

/// The speeds the page offers an event-loop example (its clock runs this many times as
/// fast); the crate runs any from [`MIN_SPEED`] to [`MAX_SPEED`].
pub const SPEED: Param = Param::choice("speed", &["1", "2", "4", "10"], "1");

impl<E: Env> Accelerated<E> {
    pub fn new(inner: E, speed: f64, origin_ms: f64) -> Result<Self, ParamError> {
        Ok(Accelerated {
            inner,
            speed: checked_speed(speed)?,
            origin_ms,
        })
    }

    /// The environment it speeds up.
    pub fn inner(&self) -> &E {
        &self.inner
    }
}

/// `speed` if an example may run at it.
pub fn checked_speed(speed: f64) -> Result<f64, ParamError> {
    if !(MIN_SPEED..=MAX_SPEED).contains(&speed) {
        return Err(ParamError::new(
            "speed",
            messages::SPEED_OUT_OF_RANGE,
            vec![
                ("min", Arg::Number(MIN_SPEED)),
                ("max", Arg::Number(MAX_SPEED)),
                ("got", Arg::Number(speed)),
            ],
        ));
    }
    Ok(speed)
}

impl<E: Env> Env for Accelerated<E> {
    fn now_ms(&self) -> f64 {
        self.origin_ms + (self.inner.now_ms() - self.origin_ms) * self.speed
    }

    fn sleep(&self, ms: f64) -> Sleep {
        self.inner.sleep(ms / self.speed)
    }

    fn emit(&self, event: Event) {
        self.inner.emit(event);
    }

    fn scheduler(&self) -> &Scheduler {
        self.inner.scheduler()
    }

    fn deadline_ms(&self, ms: f64) -> f64 {
        let inner = self.inner.deadline_ms(ms / self.speed);
        self.origin_ms + (inner - self.origin_ms) * self.speed
    }
}

/// `asyncio.gather`: runs every future at once, each a task of the event loop's named as
/// given, and returns their outputs in order. The tasks are stepped in the order of their
/// wakes, so the task whose timer fired first runs first (see [`crate::scheduler`]).
pub async fn gather<E: Env + ?Sized, F: Future>(
    env: &E,
    named: impl IntoIterator<Item = (String, F)>,
) -> Vec<F::Output> {
    crate::scheduler::gather_tasks(env, named).await
}

/// Runs `work` until it finishes or `stop` resolves, whichever is first. A stopped run is
/// dropped where it stands: its tasks close their spans at that moment, and a last line
/// says when it stopped. Returns `None` when stopped.
pub async fn run_until_stopped<E: Env + ?Sized, T>(
    env: &E,
    work: impl Future<Output = T>,
    stop: impl Future<Output = ()>,
) -> Option<T> {
    let start = env.now_ms();
    let outcome = match futures::future::select(std::pin::pin!(work), std::pin::pin!(stop)).await {
        futures::future::Either::Left((output, _)) => Some(output),
        futures::future::Either::Right(_) => None,
    };
    if outcome.is_none() {
        let main = Task::start(env, MAIN_LANE, "stop");
        main.say(Message::new(
            messages::STOPPED_AFTER,
            vec![(
                "seconds",
                Arg::Seconds {
                    ms: env.now_ms() - start,
                },
            )],
        ));
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demos::count_async::{run, Mode};
    use crate::virtual_time::VirtualEnv;

    #[test]
    fn an_accelerated_example_reports_its_own_seconds_in_less_real_time() {
        let real = VirtualEnv::new();
        let fast = Accelerated::new(real.clone(), 4.0, 0.0).unwrap();
        let reported = real.run(run(&fast, 3, Mode::Gather)).gathered;
        assert_eq!(reported, Some(1000.0));
        assert_eq!(real.now_ms(), 250.0);
        let events = real.events();
        let last = events.iter().rev().find_map(Event::as_line);
        assert_eq!(
            last.unwrap().text,
            "count_async.rs executed in 1.00 seconds."
        );
    }

    #[test]
    fn a_stopped_run_closes_its_spans_when_stopped_and_says_so() {
        let env = VirtualEnv::new();
        let outcome = env.run(run_until_stopped(
            &env,
            run(&env, 2, Mode::Gather),
            env.sleep(400.0),
        ));
        assert_eq!(outcome, None);
        let events = env.events();
        let sleeping_ends: Vec<f64> = events
            .iter()
            .filter_map(Event::as_span)
            .filter(|span| span.state == crate::trace::SpanState::Sleeping)
            .map(|span| span.end_ms)
            .collect();
        assert_eq!(sleeping_ends, [400.0, 400.0]);
        let texts: Vec<&str> = events
            .iter()
            .filter_map(Event::as_line)
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(texts, ["One", "One", "Stopped after 0.40 s."]);
    }

    #[test]
    fn an_unstopped_run_returns_its_output() {
        let env = VirtualEnv::new();
        let outcome = env.run(run_until_stopped(
            &env,
            async { run(&env, 1, Mode::Gather).await.gathered },
            env.sleep(5000.0),
        ));
        assert_eq!(outcome, Some(Some(1000.0)));
    }

    #[test]
    fn a_zero_sleep_takes_no_time_and_lets_the_ready_tasks_run_first() {
        let real = VirtualEnv::new();
        let env = Accelerated::new(real.clone(), 4.0, 0.0).unwrap();
        let env = &env;
        let first = async {
            let mut task = Task::start(env, "first", "first");
            task.print("first, before its zero sleep");
            task.sleep(0.0).await;
            task.print("first, after it");
        };
        let second = async {
            let task = Task::start(env, "second", "second");
            task.print("second");
        };
        real.run(gather(
            env,
            [
                (
                    "first".to_string(),
                    Box::pin(first) as Pin<Box<dyn Future<Output = ()>>>,
                ),
                ("second".to_string(), Box::pin(second)),
            ],
        ));
        let lines: Vec<(String, f64)> = real
            .events()
            .iter()
            .filter_map(Event::as_line)
            .map(|line| (line.text.clone(), line.at_ms))
            .collect();
        assert_eq!(
            lines,
            [
                ("first, before its zero sleep".to_string(), 0.0),
                ("second".to_string(), 0.0),
                ("first, after it".to_string(), 0.0),
            ]
        );
    }

    #[test]
    fn speed_is_bounded() {
        assert!(Accelerated::new(VirtualEnv::new(), 0.0, 0.0).is_err());
        assert!(Accelerated::new(VirtualEnv::new(), f64::NAN, 0.0).is_err());
        assert!(Accelerated::new(VirtualEnv::new(), 101.0, 0.0).is_err());
        assert!(Accelerated::new(VirtualEnv::new(), 10.0, 0.0).is_ok());
    }
}
