//! A single-threaded executor with a virtual clock, for running the event-loop examples
//! natively and exactly.
//!
//! Time does not pass while tasks run; when every task is waiting, the clock jumps to the
//! earliest pending timer. Timers with the same deadline fire in the order they were set,
//! one at a time, as the browser's do, so runs are deterministic and span times are exact.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use crate::env::{Env, Sleep};
use crate::scheduler::{run_main, Scheduler};
use crate::timer_queue::TimerQueue;
use crate::trace::Event;

#[derive(Default)]
struct Inner {
    now_ms: Cell<f64>,
    timers: Rc<TimerQueue>,
    events: RefCell<Vec<Event>>,
    scheduler: Scheduler,
}

/// Records every event; [`VirtualEnv::events`] returns them for assertions.
#[derive(Clone, Default)]
pub struct VirtualEnv(Rc<Inner>);

impl VirtualEnv {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn events(&self) -> Vec<Event> {
        self.0.events.borrow().clone()
    }

    /// The text of every line printed so far, in order.
    pub fn printed(&self) -> Vec<String> {
        self.0
            .events
            .borrow()
            .iter()
            .filter_map(Event::as_line)
            .map(|line| line.text.clone())
            .collect()
    }

    /// Drives `future` as the event loop's main task to completion, advancing the clock
    /// whenever nothing can run.
    ///
    /// Panics if the future waits for something that is not a timer: under a virtual clock
    /// that would wait forever.
    pub fn run<F: Future>(&self, future: F) -> F::Output {
        let mut future = pin!(run_main(self, future));
        let woken = Arc::new(Flag(AtomicBool::new(true)));
        let waker = Waker::from(woken.clone());
        let mut cx = Context::from_waker(&waker);
        loop {
            if woken.0.swap(false, Ordering::SeqCst) {
                if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                    return output;
                }
                continue;
            }
            self.fire_next_timer();
        }
    }

    /// Every event recorded since the last call, taken out: for a run handed on as it goes.
    pub fn take_events(&self) -> Vec<Event> {
        std::mem::take(&mut self.0.events.borrow_mut())
    }

    /// Advances to the earliest deadline and fires every timer due then, in the order they
    /// were set, as asyncio's loop moves all due callbacks to its ready queue at once;
    /// false if no timer is pending.
    pub fn fire_earliest_timers(&self) -> bool {
        let Some(deadline_us) = self.0.timers.earliest_us() else {
            return false;
        };
        self.0.now_ms.set(deadline_us as f64 / 1000.0);
        self.0.timers.fire_due(deadline_us);
        true
    }

    /// Advances to the earliest deadline and fires that one timer. Timers fire one at a
    /// time, as the browser's do (each `setTimeout` callback a task of its own): a task
    /// woken by an earlier timer runs before a later timer with the same deadline is even
    /// looked at. (asyncio differs: see [`Self::fire_earliest_timers`].)
    fn fire_next_timer(&self) {
        let Some(deadline_us) = self.0.timers.fire_next(u64::MAX) else {
            panic!("deadlock: every task is waiting and no timer is pending");
        };
        self.0.now_ms.set(deadline_us as f64 / 1000.0);
    }
}

struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

impl Env for VirtualEnv {
    fn now_ms(&self) -> f64 {
        self.0.now_ms.get()
    }

    fn sleep(&self, ms: f64) -> Sleep {
        // A zero sleep only yields, as in the browser: `asyncio.sleep(0)` sets no timer.
        if ms <= 0.0 {
            return crate::env::yield_now();
        }
        // Whole microseconds keep deadlines exact and totally ordered.
        let deadline_us = ((self.0.now_ms.get() + ms) * 1000.0).round() as u64;
        Box::pin(self.0.timers.at(deadline_us))
    }

    fn emit(&self, event: Event) {
        self.0.events.borrow_mut().push(event);
    }

    fn scheduler(&self) -> &Scheduler {
        &self.0.scheduler
    }
}
