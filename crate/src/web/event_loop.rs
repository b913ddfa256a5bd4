//! The event-loop examples (3–6) on the page's main thread: the browser's event loop as an
//! [`Env`], its timers, and the exports that run each example until it ends or the page
//! stops it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::convert::{emit_to, js_object, optional_number, refused};
use super::params::{count_async_options, read_params};
use crate::demos::{chained, coroutines, count_async, rand};
use crate::env::{checked_speed, run_until_stopped, Accelerated, Env, Sleep};
use crate::messages::{self, Arg, Sentence};
use crate::params::ParamError;
use crate::scheduler::{run_main, Scheduler};
use crate::timer_queue::TimerQueue;
use crate::trace::Event;

#[wasm_bindgen]
extern "C" {
    // A global in windows and workers alike.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
}

/// The browser's event loop as an [`Env`]: real time, `setTimeout` sleeps, and every event
/// handed to a JavaScript callback once the loop is idle (see [`Outbox`]).
struct BrowserEnv {
    outbox: Rc<Outbox>,
    timers: Rc<Timers>,
    scheduler: Scheduler,
}

impl BrowserEnv {
    fn new(on_event: Function) -> Self {
        BrowserEnv {
            outbox: Rc::new(Outbox {
                on_event,
                events: RefCell::default(),
                armed: Cell::new(false),
                drained: RefCell::default(),
            }),
            timers: Rc::default(),
            scheduler: Scheduler::default(),
        }
    }
}

/// At most this many events are handed to the page at a time: a slice takes a few
/// milliseconds, after which a timer that came due meanwhile runs before the next.
const EVENTS_PER_SLICE: usize = 2_000;

/// Where a run's events wait until the loop has nothing to run. Making a JavaScript
/// object of an event costs microseconds, as much as a coroutine's step: handed over as
/// they happen, the record of 10,000 coroutines would delay them by as long again, and the
/// timeline would show the cost of drawing it. Kept, an event costs a push; the page gets
/// it moments later, in slices, between the loop's turns.
struct Outbox {
    on_event: Function,
    events: RefCell<VecDeque<Event>>,
    /// Whether a slice is due to be handed over.
    armed: Cell<bool>,
    /// Who waits for every event to be handed over (a run's end).
    drained: RefCell<Option<Waker>>,
}

impl Outbox {
    fn push(self: &Rc<Self>, event: Event) {
        self.events.borrow_mut().push_back(event);
        self.arm();
    }

    fn arm(self: &Rc<Self>) {
        if self.armed.replace(true) {
            return;
        }
        let outbox = self.clone();
        let slice = Closure::once_into_js(move || {
            outbox.armed.set(false);
            outbox.hand_over(EVENTS_PER_SLICE);
            if !outbox.events.borrow().is_empty() {
                outbox.arm();
            } else if let Some(waiting) = outbox.drained.take() {
                waiting.wake();
            }
        });
        set_timeout(slice.unchecked_ref(), 0.0);
    }

    /// Hands the page up to `most` events, oldest first.
    fn hand_over(&self, most: usize) {
        for _ in 0..most {
            // Taken out first: the page's callback may call back into the crate.
            let Some(event) = self.events.borrow_mut().pop_front() else {
                return;
            };
            emit_to(&self.on_event, &event);
        }
    }

    /// Hands the page every event kept, at once: for a step the learner takes by hand.
    fn flush(&self) {
        self.hand_over(usize::MAX);
    }

    /// Ready once every event kept has been handed over, slice by slice: a run's outcome
    /// comes after all of them, and the page stays responsive meanwhile.
    fn drained(self: &Rc<Self>) -> impl Future<Output = ()> + '_ {
        std::future::poll_fn(move |cx| {
            if self.events.borrow().is_empty() {
                return Poll::Ready(());
            }
            *self.drained.borrow_mut() = Some(cx.waker().clone());
            self.arm();
            Poll::Pending
        })
    }
}

/// The example's timers, fired in the order of their intended deadlines.
///
/// A sleep's deadline counts from when its task meant to wake, not from when it did: two
/// tasks due at the same moment stay tied however late the browser ran them, and tied
/// timers fire in the order they were set, as under the virtual clock. Without this, drift
/// decides which of two tied coroutines runs first, and a seeded run (Rand, Chained) could
/// draw its numbers in another order from one run to the next.
///
/// Before any timer has fired, the tasks meant to start together: their first sleeps all
/// count from the first sleep of the run, not from an earlier moment, so that no sleep
/// ends sooner than it asked counted from anything the example measured before it.
#[derive(Default)]
struct Timers {
    /// When the task now running meant to run; unset until the run's first sleep.
    /// In whole microseconds: a deadline is a sum of sleeps, and two tasks due at the same
    /// moment by different sums (2 + 2 + 2 and 3 + 3 seconds) must tie exactly, whatever
    /// fractions a speed-up gives the sleeps.
    logical_now_us: Cell<Option<u64>>,
    queue: Rc<TimerQueue>,
    /// The deadline a browser timer is set for, if one is.
    armed_for_us: Cell<Option<u64>>,
}

impl Timers {
    /// When a sleep of `ms` set now is due: counted from when the running task meant to
    /// run, or, before the run's first sleep, from now.
    fn deadline_us(&self, ms: f64) -> u64 {
        self.logical_now_us() + (ms * 1000.0).round() as u64
    }

    /// When the running task meant to run; before the run's first sleep, now.
    fn logical_now_us(&self) -> u64 {
        self.logical_now_us
            .get()
            .unwrap_or_else(|| (crate::clock::now_ms() * 1000.0).round() as u64)
    }

    fn sleep(self: &Rc<Self>, ms: f64) -> Sleep {
        if ms <= 0.0 {
            return crate::env::yield_now();
        }
        // The run's first sleep fixes the moment the others count from.
        self.logical_now_us.set(Some(self.logical_now_us()));
        let deadline_us = self.deadline_us(ms);
        let fired = self.queue.at(deadline_us);
        self.arm();
        let timers = self.clone();
        Box::pin(async move {
            fired.await;
            // The task runs on from its intended time: its next sleep counts from here.
            timers.logical_now_us.set(Some(deadline_us));
        })
    }

    /// Sets a browser timer for the earliest deadline, unless one is set for it already.
    fn arm(self: &Rc<Self>) {
        let Some(head_us) = self.queue.earliest_us() else {
            return;
        };
        if self
            .armed_for_us
            .get()
            .is_some_and(|armed| armed <= head_us)
        {
            return;
        }
        self.armed_for_us.set(Some(head_us));
        let delay = (head_us as f64 / 1000.0 - crate::clock::now_ms()).max(0.0);
        let timers = self.clone();
        let fire = Closure::once_into_js(move || timers.fire_due());
        set_timeout(fire.unchecked_ref(), delay);
    }

    /// Wakes, in deadline order, every timer now due. The tasks run afterwards in the
    /// order they were woken (see `env::gather`).
    fn fire_due(self: &Rc<Self>) {
        self.armed_for_us.set(None);
        self.queue
            .fire_due((crate::clock::now_ms() * 1000.0) as u64);
        self.arm();
    }
}

impl Env for BrowserEnv {
    fn now_ms(&self) -> f64 {
        crate::clock::now_ms()
    }

    fn sleep(&self, ms: f64) -> Sleep {
        self.timers.sleep(ms)
    }

    fn emit(&self, event: Event) {
        self.outbox.push(event);
    }

    fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    fn deadline_ms(&self, ms: f64) -> f64 {
        self.timers.deadline_us(ms) as f64 / 1000.0
    }
}

/// How a page runs an event-loop example: `{speed, origin, stop}` where `origin` is the
/// run's start in epoch milliseconds (the time zero of its timeline) and `stop` a promise
/// that resolves when the learner stops the run.
fn event_loop_env(
    on_event: Function,
    control: &JsValue,
) -> Result<Accelerated<BrowserEnv>, JsValue> {
    let origin = optional_number(control, "origin")?.unwrap_or_else(crate::clock::now_ms);
    Accelerated::new(BrowserEnv::new(on_event), speed_of(control)?, origin).map_err(refused)
}

pub(super) fn speed_of(control: &JsValue) -> Result<f64, JsValue> {
    let speed = optional_number(control, "speed")?.unwrap_or(1.0);
    checked_speed(speed).map_err(refused)
}

fn stop_signal(control: &JsValue) -> Sleep {
    match Reflect::get(control, &"stop".into()) {
        Ok(stop) if stop.is_instance_of::<Promise>() => {
            let stop = JsFuture::from(Promise::from(stop));
            Box::pin(async move {
                let _ = stop.await;
            })
        }
        _ => Box::pin(std::future::pending()),
    }
}

/// `{stopped, elapsedMs}`: elapsed in the example's own (simulated) milliseconds.
fn event_loop_outcome(elapsed_ms: Option<f64>) -> JsValue {
    js_object(&[
        ("stopped", elapsed_ms.is_none().into()),
        ("elapsedMs", ms_or_null(elapsed_ms)),
    ])
}

fn ms_or_null(ms: Option<f64>) -> JsValue {
    ms.map_or(JsValue::NULL, JsValue::from)
}

/// Runs an event-loop example's `work` on `env` until it ends or the page stops it
/// (`control.stop`): what it returned, if it ended, and the page's outcome, `{stopped,
/// elapsedMs}`, elapsed in the example's own (simulated) milliseconds.
async fn run_example<T>(
    env: &Accelerated<BrowserEnv>,
    control: &JsValue,
    work: impl Future<Output = T>,
) -> (Option<T>, JsValue) {
    // Read before `work` is first polled, so before the example has done anything.
    let start = env.now_ms();
    let output = run_until_stopped(env, run_main(env, work), stop_signal(control)).await;
    let elapsed_ms = output.as_ref().map(|_| env.now_ms() - start);
    env.inner().outbox.drained().await;
    (output, event_loop_outcome(elapsed_ms))
}

/// Example 4. `params`: `{coroutines, mode: "gather" | "sequential" | "both"}`. The outcome
/// adds `gatheredMs` and `sequentialMs`, each null unless that way ran to its end.
#[wasm_bindgen(js_name = runCountAsync)]
pub async fn run_count_async(
    params: JsValue,
    on_event: Function,
    control: JsValue,
) -> Result<JsValue, JsValue> {
    let values = read_params("count-async", &params)?;
    let (coroutines, mode) = count_async_options(&values, speed_of(&control)?)?;
    let env = event_loop_env(on_event, &control)?;
    let work = count_async::run(&env, coroutines, mode);
    let (elapsed, outcome) = run_example(&env, &control, work).await;
    let each = elapsed.unwrap_or_default();
    // Setting a fresh plain object's own property cannot fail.
    let _ = Reflect::set(&outcome, &"gatheredMs".into(), &ms_or_null(each.gathered));
    let _ = Reflect::set(
        &outcome,
        &"sequentialMs".into(),
        &ms_or_null(each.sequential),
    );
    Ok(outcome)
}

/// Example 3, the original's script. `params`: `{pauseMs}`, the caller's pause between its
/// steps (0: none, as in the original).
#[wasm_bindgen(js_name = runCoroutines)]
pub async fn run_coroutines(
    params: JsValue,
    on_event: Function,
    control: JsValue,
) -> Result<JsValue, JsValue> {
    let pause_ms = read_params("coroutines", &params)?.number("pauseMs");
    let env = event_loop_env(on_event, &control)?;
    let work = coroutines::run_script(&env, pause_ms as f64);
    Ok(run_example(&env, &control, work).await.1)
}

/// Example 3 by hand: the learner creates `print_name(prefix)` and sends it names.
#[wasm_bindgen]
pub struct PrintNameCoroutine {
    env: BrowserEnv,
    coroutine: coroutines::PrintName,
}

#[wasm_bindgen]
impl PrintNameCoroutine {
    /// `corou = print_name(prefix)`; lines and spans go to `on_event`.
    #[wasm_bindgen(constructor)]
    pub fn new(prefix: &str, on_event: Function) -> Result<PrintNameCoroutine, JsValue> {
        // As Python's startswith, an empty prefix would match every name: one is asked for.
        check_length("prefix", messages::PREFIX, 1, prefix)?;
        Ok(PrintNameCoroutine {
            env: BrowserEnv::new(on_event),
            coroutine: coroutines::PrintName::new(prefix),
        })
    }

    /// `corou.__next__()`.
    pub fn next(&mut self) -> Result<(), JsError> {
        let outcome = self.coroutine.next(&self.env);
        // The learner's step shows at once: nothing else runs meanwhile.
        self.env.outbox.flush();
        outcome.map_err(|m| JsError::new(&m))
    }

    /// `corou.send(name)`.
    pub fn send(&mut self, name: &str) -> Result<(), JsValue> {
        check_length("name", messages::NAME, 0, name)?;
        let outcome = self.coroutine.send(&self.env, name);
        self.env.outbox.flush();
        outcome.map_err(|m| JsError::new(&m).into())
    }

    /// `corou.close()`.
    pub fn close(&mut self) {
        self.coroutine.close(&self.env);
        self.env.outbox.flush();
    }
}

/// What the learner types for the coroutine: `min` to [`coroutines::MAX_TEXT`] characters.
fn check_length(
    field: &'static str,
    what: Sentence,
    min: usize,
    text: &str,
) -> Result<(), JsValue> {
    let length = text.chars().count();
    if (min..=coroutines::MAX_TEXT).contains(&length) {
        return Ok(());
    }
    Err(refused(ParamError::new(
        field,
        messages::TEXT_LENGTH,
        vec![
            ("what", Arg::said(what)),
            ("min", Arg::Count(min as u64)),
            ("max", Arg::Count(coroutines::MAX_TEXT as u64)),
            ("got", Arg::Count(length as u64)),
        ],
    )))
}

/// Example 5. `params`: `{seed}`. Resolves to `{stopped, elapsedMs}`.
#[wasm_bindgen(js_name = runRand)]
pub async fn run_rand(
    params: JsValue,
    on_event: Function,
    control: JsValue,
) -> Result<JsValue, JsValue> {
    let seed = read_params("rand", &params)?.number("seed");
    let env = event_loop_env(on_event, &control)?;
    let work = rand::run(&env, seed);
    Ok(run_example(&env, &control, work).await.1)
}

/// Example 6. `params`: `{seed, chains}`, chains as on the original's command line
/// ("1 2 3", the default).
#[wasm_bindgen(js_name = runChained)]
pub async fn run_chained(
    params: JsValue,
    on_event: Function,
    control: JsValue,
) -> Result<JsValue, JsValue> {
    let values = read_params("chained", &params)?;
    let chains = chained::parse_chains(values.text("chains")).map_err(refused)?;
    let env = event_loop_env(on_event, &control)?;
    let work = chained::run(&env, values.number("seed"), &chains);
    Ok(run_example(&env, &control, work).await.1)
}
