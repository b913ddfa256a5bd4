//! The original program: two threads started together, each printing once, and the main
//! thread joining both. Arrows show each start and each join: from main to where the
//! thread began its target, and from where it ended to the end of main's wait for it.

use std::sync::{Condvar, Mutex};

use super::lane;
use crate::clock;
use crate::trace::{Event, Flow, FlowKind, Line, Span, SpanState, MAIN_LANE};

/// A thread's target: its name in the original, and what it prints for `num`.
struct Target {
    name: &'static str,
    text: fn(u64) -> String,
}

/// What the original passes to each target (`args=(10,)`).
const NUM: u64 = 10;

/// The original's two targets, in the order it starts them.
const TARGETS: [Target; 2] = [
    Target {
        name: "print_square",
        text: |num| format!("Square: {}", num * num),
    },
    Target {
        name: "print_cube",
        text: |num| format!("Cube: {}", num * num * num),
    },
];

/// The original program: its lines, the span of each print on its thread's lane, and the
/// main thread's wait in each join, in the order they happened.
pub fn square_and_cube() -> Vec<Event> {
    start_then_join(None)
}

/// [`square_and_cube`] on `pool`, or on the current one (the caller's own, if it is a pool
/// thread, else the global pool).
pub(super) fn start_then_join(pool: Option<&rayon::ThreadPool>) -> Vec<Event> {
    let original = Original {
        events: Mutex::new(Vec::new()),
        finished: Default::default(),
        caller: rayon::current_thread_index(),
    };
    match pool {
        Some(pool) => pool.in_place_scope(|threads| original.start_and_join(threads)),
        None => rayon::in_place_scope(|threads| original.start_and_join(threads)),
    }
    original
        .events
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
}

/// What the threads of one run of the original share.
struct Original {
    events: Mutex<Vec<Event>>,
    finished: [Finished; TARGETS.len()],
    /// The pool index of the thread that started the others, if it is a pool thread.
    caller: Option<usize>,
}

impl Original {
    fn start_and_join<'scope>(&'scope self, threads: &rayon::Scope<'scope>) {
        let started_ms = clock::now_ms();
        // One broadcast starts every pool thread at the same moment; thread i takes target
        // i (a pool of one takes both, in order). Spawned one by one instead, the first
        // thread to wake often took both before the other woke.
        threads.spawn_broadcast(move |_, thread| {
            let mine = (0..TARGETS.len()).filter(|t| t % thread.num_threads() == thread.index());
            for target in mine {
                let Target { name, text } = &TARGETS[target];
                let lane = lane(self.caller);
                let ((), span) = Span::timed(
                    lane.clone(),
                    SpanState::Running,
                    format!("{name}({NUM})"),
                    || self.print(lane.clone(), text(NUM)),
                );
                let (began, ended) = ((lane.clone(), span.start_ms), (lane, span.end_ms));
                self.arrow(FlowKind::Spawn, (MAIN_LANE.to_string(), started_ms), began);
                self.record(Event::Span(span));
                self.finished[target].set(ended);
            }
        });
        let mut joined_ms = f64::NEG_INFINITY;
        for (target, finished) in self.finished.iter().enumerate() {
            let (start_ms, end_ms, ended) = join(finished, joined_ms);
            joined_ms = end_ms;
            self.record(Event::Span(Span {
                lane: MAIN_LANE.to_string(),
                state: SpanState::Waiting,
                start_ms,
                end_ms,
                label: format!("t{}.join()", target + 1).into(),
            }));
            self.arrow(FlowKind::Return, ended, (MAIN_LANE.to_string(), end_ms));
        }
        self.print_after(MAIN_LANE.to_string(), "Done!".to_string(), joined_ms);
    }

    /// An arrow between two lanes; none where main ran the target itself (the build
    /// without threads), as nothing passed between threads.
    fn arrow(&self, kind: FlowKind, from: (String, f64), to: (String, f64)) {
        if from.0 != to.0 {
            self.record(Event::Flow(Flow::new(kind, from, to)));
        }
    }

    fn record(&self, event: Event) {
        self.events
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(event);
    }

    /// Stamped under the lock, as Python's print writes under stdout's: the lines' order is
    /// the order of their times.
    fn print(&self, lane: String, text: String) {
        self.print_after(lane, text, f64::NEG_INFINITY);
    }

    /// As [`Self::print`], stamped no earlier than `not_before_ms`: the end of what the
    /// line waited for, as another thread's clock measured it (see [`join`]).
    fn print_after(&self, lane: String, text: String, not_before_ms: f64) {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        let at_ms = clock::now_ms().max(not_before_ms);
        events.push(Event::Line(Line::printed(lane, text, at_ms)));
    }
}

/// Whether a target has finished, on which lane and when, by its own thread's clock: what
/// a join waits for.
#[derive(Default)]
struct Finished {
    ended: Mutex<Option<(String, f64)>>,
    signal: Condvar,
}

impl Finished {
    fn set(&self, ended: (String, f64)) {
        *self.ended.lock().unwrap_or_else(|e| e.into_inner()) = Some(ended);
        self.signal.notify_all();
    }

    fn ended(&self) -> Option<(String, f64)> {
        self.ended.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn wait(&self) -> (String, f64) {
        let mut ended = self.ended.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(ended) = &*ended {
                return ended.clone();
            }
            ended = self.signal.wait(ended).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Waits on the calling thread until `target` has finished; returns when it began and
/// ended waiting, and where and when the target ended. A caller that is itself a pool
/// thread (the build without threads) runs pending jobs meanwhile, perhaps the target
/// itself: that time is running, not waiting, and is left out. A caller outside the pool
/// sleeps until woken.
///
/// The wait ends no earlier than the target did, and begins no earlier than `not_before_ms`
/// (the end of the join before it). Each worker's clock is its own `timeOrigin` plus
/// `performance.now()`, and two workers' can differ by a fraction of a millisecond: read
/// on this thread alone, a join could seem to end before the thread it waited for, or the
/// next join to begin before the last ended, which cannot happen.
fn join(target: &Finished, not_before_ms: f64) -> (f64, f64, (String, f64)) {
    let mut since = clock::now_ms().max(not_before_ms);
    let ended = loop {
        if let Some(ended) = target.ended() {
            break ended;
        }
        match rayon::yield_now() {
            Some(rayon::Yield::Executed) => since = clock::now_ms().max(not_before_ms),
            Some(rayon::Yield::Idle) => std::hint::spin_loop(),
            None => break target.wait(),
        }
    };
    let end_ms = clock::now_ms().max(ended.1);
    (since, end_ms, ended)
}
