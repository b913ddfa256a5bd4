//! The browser bindings: the only module that knows about JavaScript.
//!
//! Event-loop examples run on the page's main thread as futures driven by the browser's
//! event loop. Worker examples are called from a dedicated Worker (`www/js/pool-worker.js`),
//! because rayon blocks its caller and the page's main thread must never block.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::fmt::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::task::{Poll, Waker};

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::demos::multiprocessing::{self, ProcessHost, ProcessReport, Started};
use crate::demos::{chained, coroutines, count_async, pool, rand, threading};
use crate::env::{checked_speed, run_until_stopped, Accelerated, Env, Sleep};
use crate::examples;
use crate::messages::{self, Arg, Message, Sentence};
use crate::params::{Given, ParamError, Values};
use crate::trace::{Event, Label, Line, Span};

#[wasm_bindgen]
extern "C" {
    // A global in windows and workers alike.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
}

#[wasm_bindgen(start)]
fn start() {
    // A panic aborts: the instance traps and JavaScript sees only "unreachable". The
    // panic's own message goes to the console, and to `__playgroundPanic` where the page
    // or a worker defines it, so that the error shown in the page says what went wrong.
    std::panic::set_hook(Box::new(|info| {
        let message = format!("panic: {info}");
        keep_panic(&message);
        report_panic(&message);
        console_error_panic_hook::hook(info);
    }));
    // Running out of memory aborts too, without a panic: it is reported the same way. The
    // message is written on the stack, as the heap has just refused an allocation.
    std::alloc::set_alloc_error_hook(|layout| {
        let mut message = StackText::new();
        let _ = write!(
            message,
            "out of memory: an allocation of {} bytes failed",
            layout.size()
        );
        keep_panic(message.as_str());
        report_panic(message.as_str());
    });
}

/// Text written into a fixed buffer, for where the heap cannot be used; what does not fit
/// is cut.
struct StackText {
    bytes: [u8; 128],
    length: usize,
}

impl StackText {
    fn new() -> Self {
        Self {
            bytes: [0; 128],
            length: 0,
        }
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are written, so the bytes are UTF-8 up to a cut.
        let written = &self.bytes[..self.length];
        std::str::from_utf8(written).unwrap_or_else(|error| {
            std::str::from_utf8(&written[..error.valid_up_to()]).unwrap_or_default()
        })
    }
}

impl Write for StackText {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        let fits = text.len().min(self.bytes.len() - self.length);
        self.bytes[self.length..self.length + fits].copy_from_slice(&text.as_bytes()[..fits]);
        self.length += fits;
        Ok(())
    }
}

fn report_panic(message: &str) {
    let global = js_sys::global();
    if let Ok(report) = Reflect::get(&global, &"__playgroundPanic".into()) {
        if let Some(report) = report.dyn_ref::<Function>() {
            let _ = report.call1(&JsValue::NULL, &message.into());
        }
    }
}

/// A hidden trigger for the tests: fails as a bug in an example would, by a panic
/// (`how` = "panic"), by running out of memory ("outOfMemory") or by a trap that nothing
/// reports ("trap", as from a stack overflow in unsafe code), on this thread or on a
/// thread of the pool. There the caller then waits forever, and the page learns why from
/// [`PANIC_REPORT`] or from the thread's error.
#[wasm_bindgen(js_name = debugFail)]
pub fn debug_fail(how: &str, on_pool_thread: bool) {
    let fail = || match how {
        "outOfMemory" => {
            // More than a 32-bit memory holds: the allocator must refuse it.
            let too_much: Vec<u8> = Vec::with_capacity(isize::MAX as usize);
            std::hint::black_box(too_much);
        }
        "trap" => core::arch::wasm32::unreachable(),
        _ => panic!("debug panic requested"),
    };
    if on_pool_thread {
        rayon::scope(|threads| threads.spawn(|_| fail()));
    } else {
        fail();
    }
}

const PANIC_MESSAGE_BYTES: usize = 2048;

/// The first panic of any thread, kept in the shared memory. A panic on a pool thread traps
/// that thread only; the worker that called the pool waits forever for the work it handed
/// out and can send no message. The page reads the panic here instead, as it reads the
/// rows done (see `www/js/pool-client.js`): `length` (a `u32`), then the UTF-8 message.
#[repr(C)]
struct PanicReport {
    /// 0 until the message is written; then its length in bytes.
    length: AtomicU32,
    message: UnsafeCell<[u8; PANIC_MESSAGE_BYTES]>,
}

// SAFETY: `message` is written once, by the one thread that claimed it in `keep_panic`,
// before `length` is published with Release; readers read it only after that.
unsafe impl Sync for PanicReport {}

static PANIC_REPORT: PanicReport = PanicReport {
    length: AtomicU32::new(0),
    message: UnsafeCell::new([0; PANIC_MESSAGE_BYTES]),
};
static PANIC_CLAIMED: AtomicBool = AtomicBool::new(false);

fn keep_panic(message: &str) {
    if PANIC_CLAIMED.swap(true, Ordering::AcqRel) {
        return;
    }
    let mut end = message.len().min(PANIC_MESSAGE_BYTES);
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    // SAFETY: only the thread that claimed the report gets here, and only once; `end` is at
    // most the buffer's length.
    unsafe {
        std::ptr::copy_nonoverlapping(
            message.as_ptr(),
            PANIC_REPORT.message.get().cast::<u8>(),
            end,
        )
    };
    PANIC_REPORT.length.store(end as u32, Ordering::Release);
}

/// For a pool thread that trapped without a panic (its worker calls this, see
/// `tools/patch-rayon-helper.mjs`): the trap's message becomes the report the page reads,
/// unless a panic or a failed allocation was reported first.
#[doc(hidden)]
#[wasm_bindgen(js_name = reportPoolThreadTrap)]
pub fn report_pool_thread_trap(message: &str) {
    keep_panic(&format!("trap on a pool thread: {message}"));
}

/// Where [`PANIC_REPORT`] is in this instance's memory.
#[wasm_bindgen(js_name = panicReportAddress)]
pub fn panic_report_address() -> usize {
    std::ptr::addr_of!(PANIC_REPORT) as usize
}

/// The browser's event loop as an [`Env`]: real time, `setTimeout` sleeps, and every event
/// handed to a JavaScript callback as it happens.
struct BrowserEnv {
    on_event: Function,
    timers: Rc<Timers>,
}

impl BrowserEnv {
    fn new(on_event: Function) -> Self {
        BrowserEnv {
            on_event,
            timers: Rc::default(),
        }
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
    next_id: Cell<u64>,
    /// (deadline in µs, id), earliest first.
    queue: RefCell<BinaryHeap<Reverse<(u64, u64)>>>,
    fired: RefCell<HashSet<u64>>,
    wakers: RefCell<HashMap<u64, Waker>>,
    armed_for_us: Cell<Option<u64>>,
}

impl Timers {
    fn sleep(self: &Rc<Self>, ms: f64) -> Sleep {
        if ms <= 0.0 {
            return crate::env::yield_now();
        }
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let from_us = self.logical_now_us.get().unwrap_or_else(|| {
            let now = (crate::clock::now_ms() * 1000.0).round() as u64;
            self.logical_now_us.set(Some(now));
            now
        });
        let deadline_us = from_us + (ms * 1000.0).round() as u64;
        self.queue.borrow_mut().push(Reverse((deadline_us, id)));
        self.arm();
        let timers = self.clone();
        Box::pin(std::future::poll_fn(move |cx| {
            if timers.fired.borrow_mut().remove(&id) {
                // The task runs on from its intended time: its next sleep counts from here.
                timers.logical_now_us.set(Some(deadline_us));
                Poll::Ready(())
            } else {
                timers.wakers.borrow_mut().insert(id, cx.waker().clone());
                Poll::Pending
            }
        }))
    }

    /// Sets a browser timer for the earliest deadline, unless one is set for it already.
    fn arm(self: &Rc<Self>) {
        let Some(&Reverse((head_us, _))) = self.queue.borrow().peek() else {
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
        let now_us = (crate::clock::now_ms() * 1000.0) as u64;
        loop {
            let due = match self.queue.borrow().peek() {
                Some(&Reverse((deadline_us, id))) if deadline_us <= now_us => id,
                _ => break,
            };
            self.queue.borrow_mut().pop();
            self.fired.borrow_mut().insert(due);
            if let Some(waker) = self.wakers.borrow_mut().remove(&due) {
                waker.wake();
            }
        }
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
        emit_to(&self.on_event, &event);
    }
}

fn emit_to(on_event: &Function, event: &Event) {
    if let Err(error) = on_event.call1(&JsValue::NULL, &event_to_js(event)) {
        web_sys::console::error_2(&"playground: the event callback threw".into(), &error);
    }
}

/// `{kind: "line", lane, text, at}` or `{kind: "span", lane, state, start, end, label}`.
fn event_to_js(event: &Event) -> JsValue {
    match event {
        Event::Line(Line {
            lane,
            text,
            at_ms,
            message,
        }) => js_object(&[
            ("kind", "line".into()),
            ("lane", lane.into()),
            ("text", text.into()),
            ("at", (*at_ms).into()),
            (
                "message",
                message.as_ref().map_or(JsValue::NULL, message_to_js),
            ),
        ]),
        Event::Span(Span {
            lane,
            state,
            start_ms,
            end_ms,
            label,
        }) => js_object(&[
            ("kind", "span".into()),
            ("lane", lane.into()),
            ("state", state.as_str().into()),
            ("start", (*start_ms).into()),
            ("end", (*end_ms).into()),
            ("label", label.english().into()),
            ("labelMessage", label_message_to_js(label)),
        ]),
    }
}

/// A span's label as a sentence for the page to write in its language, or null for code.
fn label_message_to_js(label: &Label) -> JsValue {
    match label {
        Label::Code(_) => JsValue::NULL,
        Label::Said(message) => message_to_js(message),
    }
}

/// `{key, english, args: {name: {kind, value}}}`, for the page to write the sentence in its
/// language (`www/js/i18n.js`, `crateSentence`).
fn message_to_js(message: &Message) -> JsValue {
    let args = Object::new();
    for (name, arg) in &message.args {
        let (kind, value): (&str, JsValue) = match arg {
            Arg::Text(text) => ("text", text.into()),
            Arg::List(items) => (
                "list",
                items.iter().map(JsValue::from).collect::<Array>().into(),
            ),
            Arg::Count(count) => ("count", (*count as f64).into()),
            Arg::Number(number) => ("number", (*number).into()),
            Arg::Ratio { value, decimals } => (
                "ratio",
                js_object(&[
                    ("value", (*value).into()),
                    ("decimals", (*decimals as f64).into()),
                ]),
            ),
            Arg::Seconds { ms } => ("seconds", (*ms).into()),
            Arg::Milliseconds(ms) => ("milliseconds", (*ms).into()),
            Arg::Microseconds(us) => ("microseconds", (*us).into()),
            Arg::Said(message) => ("said", message_to_js(message)),
        };
        let _ = Reflect::set(
            &args,
            &(*name).into(),
            &js_object(&[("kind", kind.into()), ("value", value)]),
        );
    }
    js_object(&[
        ("key", message.key.into()),
        ("english", message.template().into()),
        ("args", args.into()),
    ])
}

fn js_object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a fresh plain object's own property cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// The values of example `id`'s parameters in the page's `params` object, each checked
/// against the example's declaration ([`crate::examples`]); absent ones take their
/// defaults.
fn read_params(id: &str, params: &JsValue) -> Result<Values, JsValue> {
    let declared = examples::params_of(id)
        .ok_or_else(|| JsError::new(&format!("There is no example \"{id}\".")))?;
    crate::params::read(declared, cores(), |name| given(params, name)).map_err(refused)
}

/// What the page sent for `name`: a number, a text, or nothing. Anything else is passed
/// on as its type's name, which no parameter accepts.
fn given(object: &JsValue, name: &str) -> Option<Given> {
    let value = Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(match (value.as_f64(), value.as_string()) {
        (Some(number), _) => Given::Number(number),
        (None, Some(text)) => Given::Text(text),
        (None, None) => Given::Text(value.js_typeof().as_string().unwrap_or_default()),
    })
}

/// The cores the browser reports (as the page counts them, 2 if it does not say): the
/// bound of the parameters that depend on the machine.
fn cores() -> u64 {
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).unwrap_or_default();
    let cores = Reflect::get(&navigator, &"hardwareConcurrency".into()).unwrap_or_default();
    cores.as_f64().filter(|&n| n >= 1.0).map_or(2, |n| n as u64)
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

fn speed_of(control: &JsValue) -> Result<f64, JsValue> {
    let speed = optional_number(control, "speed")?.unwrap_or(1.0);
    checked_speed(speed).map_err(refused)
}

/// The parameters of `example`, checked as its run checks them, without running it, so
/// that the page can report a link's bad values as soon as it loads. `control` is as for
/// the run (only its `speed` is read). Throws the refusal, an Error naming its `field`.
#[wasm_bindgen(js_name = checkParams)]
pub fn check_params(example: &str, params: JsValue, control: JsValue) -> Result<(), JsValue> {
    let values = read_params(example, &params)?;
    // The rules across fields and the texts each example parses, as its run checks them.
    match example {
        "count-async" => count_async_options(&values, speed_of(&control)?).map(drop),
        "chained" => chained::parse_chains(values.text("chains"))
            .map(drop)
            .map_err(refused),
        "pool-apply" | "pool-map" | "pool-starmap" => {
            let method = pool_method(example.trim_start_matches("pool-"))?;
            pool::PoolParams::from_values(&values)
                .validate(method, values.number("workers") as usize)
                .map(drop)
                .map_err(refused)
        }
        _ => Ok(()),
    }
}

/// Count Async's coroutines and mode, refused if the run would take longer than anyone
/// waits at `speed`.
fn count_async_options(values: &Values, speed: f64) -> Result<(u32, count_async::Mode), JsValue> {
    let coroutines = values.number("coroutines") as u32;
    let mode = count_async::Mode::of_choice(values.text("mode"));
    count_async::check_duration(coroutines, mode, speed).map_err(refused)?;
    Ok((coroutines, mode))
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

fn optional_number(object: &JsValue, field: &'static str) -> Result<Option<f64>, JsValue> {
    optional_field(object, field, JsValue::as_f64, messages::A_NUMBER)
}

fn optional_bool(object: &JsValue, field: &'static str) -> Result<Option<bool>, JsValue> {
    optional_field(object, field, JsValue::as_bool, messages::TRUE_OR_FALSE)
}

/// An absent (undefined or null) field is `None`; one of the wrong type is an error.
fn optional_field<T>(
    object: &JsValue,
    field: &'static str,
    read: impl FnOnce(&JsValue) -> Option<T>,
    expected: Sentence,
) -> Result<Option<T>, JsValue> {
    let value = Reflect::get(object, &field.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    read(&value)
        .map(Some)
        .ok_or_else(|| refused(ParamError::wrong_type(field, expected)))
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
    let start = env.now_ms();
    let work = count_async::run(&env, coroutines, mode);
    let elapsed = run_until_stopped(&env, work, stop_signal(&control)).await;
    let outcome = event_loop_outcome(elapsed.map(|_| env.now_ms() - start));
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
    let start = env.now_ms();
    let work = coroutines::run_script(&env, pause_ms as f64);
    let outcome = run_until_stopped(&env, work, stop_signal(&control)).await;
    Ok(event_loop_outcome(outcome.map(|()| env.now_ms() - start)))
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
    pub fn new(prefix: &str, on_event: Function) -> Result<PrintNameCoroutine, JsError> {
        let length = prefix.chars().count();
        if !(1..=coroutines::MAX_TEXT).contains(&length) {
            return Err(JsError::new(&format!(
                "The prefix must have 1 to {} characters.",
                coroutines::MAX_TEXT
            )));
        }
        Ok(PrintNameCoroutine {
            env: BrowserEnv::new(on_event),
            coroutine: coroutines::PrintName::new(prefix),
        })
    }

    /// `corou.__next__()`.
    pub fn next(&mut self) -> Result<(), JsError> {
        self.coroutine.next(&self.env).map_err(|m| JsError::new(&m))
    }

    /// `corou.send(name)`.
    pub fn send(&mut self, name: &str) -> Result<(), JsError> {
        if name.chars().count() > coroutines::MAX_TEXT {
            return Err(JsError::new(&format!(
                "A name may have at most {} characters.",
                coroutines::MAX_TEXT
            )));
        }
        self.coroutine
            .send(&self.env, name)
            .map_err(|m| JsError::new(&m))
    }

    /// `corou.close()`.
    pub fn close(&mut self) {
        self.coroutine.close(&self.env);
    }
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
    let start = env.now_ms();
    let outcome = run_until_stopped(&env, rand::run(&env, seed), stop_signal(&control)).await;
    Ok(event_loop_outcome(outcome.map(|_| env.now_ms() - start)))
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
    let seed = values.number("seed");
    let env = event_loop_env(on_event, &control)?;
    let work = chained::run(&env, seed, &chains);
    let outcome = run_until_stopped(&env, work, stop_signal(&control)).await;
    Ok(event_loop_outcome(outcome))
}

/// An Error whose `field` names the parameter to change, for the page to show the message
/// next to it, and whose `sentence` lets it write the message in its language. Every
/// refusal of a parameter goes through here.
fn refused(refusal: ParamError) -> JsValue {
    let error = js_sys::Error::new(&refusal.message.english());
    // Setting a fresh Error's own properties cannot fail.
    let _ = Reflect::set(&error, &"field".into(), &refusal.field.into());
    let _ = Reflect::set(&error, &"sentence".into(), &message_to_js(&refusal.message));
    error.into()
}

/// Examples 7–9 (`method`: "apply", "map" or "starmap") on the thread pool started by
/// `initThreadPool`. Blocks: call it from a Worker. `params` may carry rows, columns,
/// minimum, maximum, seed, chunkRows and repeats. Resolves to the report: the medians
/// (`parallelMs`, `sequentialMs`), every repeat's times (`parallelTimesMs`,
/// `sequentialTimesMs`), the speedup's median and range (`speedup`, `speedupMin`,
/// `speedupMax`, null when nothing could be compared), `speedupText` as the output writes
/// it, and the `verdict` ("won", "lost", "tie", "noRows" or "tooQuick").
fn pool_method(name: &str) -> Result<pool::PoolMethod, JsValue> {
    match name {
        "apply" => Ok(pool::PoolMethod::Apply),
        "map" => Ok(pool::PoolMethod::Map),
        "starmap" => Ok(pool::PoolMethod::Starmap),
        other => Err(JsError::new(&format!(
            "The pool method must be apply, map or starmap; got \"{other}\"."
        ))
        .into()),
    }
}

#[wasm_bindgen(js_name = runPool)]
pub fn run_pool(method: &str, params: JsValue, on_event: Function) -> Result<JsValue, JsValue> {
    let values = read_params(&format!("pool-{method}"), &params)?;
    let method = pool_method(method)?;
    let params = pool::PoolParams {
        // Switched off only by `make bench`, to measure what recording costs.
        trace: optional_bool(&params, "trace")?.unwrap_or(true),
        ..pool::PoolParams::from_values(&values)
    };
    let report = pool::run_pool(method, &params, &mut |event| emit_to(&on_event, &event))
        .map_err(refused)?;
    let numbers = |values: &[f64]| -> JsValue {
        values
            .iter()
            .map(|&value| JsValue::from(value))
            .collect::<Array>()
            .into()
    };
    let head: Vec<f64> = report.counts_head.iter().map(|&c| c.into()).collect();
    let spread = report.speedup();
    let of_spread = |pick: fn(&pool::Spread) -> f64| {
        spread
            .as_ref()
            .map_or(JsValue::NULL, |spread| pick(spread).into())
    };
    Ok(js_object(&[
        ("countsHead", numbers(&head)),
        ("total", (report.total as f64).into()),
        ("workers", (report.workers as f64).into()),
        ("chunkRows", (report.chunk_rows as f64).into()),
        ("repeats", (report.repeats as f64).into()),
        ("parallelMs", report.parallel_ms().into()),
        ("sequentialMs", report.sequential_ms().into()),
        ("parallelTimesMs", numbers(&report.parallel_times_ms)),
        ("sequentialTimesMs", numbers(&report.sequential_times_ms)),
        ("speedup", of_spread(|s| s.median)),
        ("speedupMin", of_spread(|s| s.min)),
        ("speedupMax", of_spread(|s| s.max)),
        (
            "speedupSentence",
            report
                .speedup_message()
                .map_or(JsValue::NULL, |message| message_to_js(&message)),
        ),
        ("verdict", report.verdict().as_str().into()),
    ]))
}

/// The page's way of starting a process: `host.start(continent)` returns a promise of
/// `{line, calls, startedMs, readyMs, finishedMs}` (see `www/js/processes.js`).
struct JsProcessHost {
    host: JsValue,
}

impl ProcessHost for JsProcessHost {
    fn start(&self, continent: &str) -> Started {
        let started = Reflect::get(&self.host, &"start".into())
            .ok()
            .and_then(|start| start.dyn_into::<Function>().ok())
            .ok_or_else(|| "The process host has no start function.".to_string())
            .and_then(|start| {
                start
                    .call1(&self.host, &continent.into())
                    .map_err(|error| describe(&error))
            });
        Box::pin(async move {
            let report = JsFuture::from(Promise::resolve(&started?))
                .await
                .map_err(|error| describe(&error))?;
            let field = |name: &str| Reflect::get(&report, &name.into()).unwrap_or_default();
            Ok(ProcessReport {
                line: field("line").as_string().unwrap_or_default(),
                calls: field("calls").as_f64().unwrap_or(0.0) as u32,
                started_ms: field("startedMs").as_f64().unwrap_or(0.0),
                ready_ms: field("readyMs").as_f64().unwrap_or(0.0),
                finished_ms: field("finishedMs").as_f64().unwrap_or(0.0),
            })
        })
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Example 1. `params`: `{processes}`; `host` starts each process (a Web Worker).
#[wasm_bindgen(js_name = runMultiprocessing)]
pub async fn run_multiprocessing(
    params: JsValue,
    on_event: Function,
    host: JsValue,
) -> Result<JsValue, JsValue> {
    let processes = read_params("multiprocessing", &params)?.number("processes") as u32;
    let host = JsProcessHost { host };
    let emit = |event: Event| emit_to(&on_event, &event);
    let reports = multiprocessing::start_then_join(&host, processes, &emit)
        .await
        .map_err(|message| JsError::new(&message))?;
    let lines = Array::new();
    for report in &reports {
        lines.push(&report.line.as_str().into());
    }
    Ok(js_object(&[("lines", lines.into())]))
}

/// The body of one process, run by `www/js/process-worker.js` in its own instance.
#[wasm_bindgen(js_name = processMain)]
pub fn process_main(continent: &str) -> JsValue {
    let (line, calls) = multiprocessing::process_main(continent);
    js_object(&[("line", line.into()), ("calls", calls.into())])
}

/// Example 2 on the thread pool: the original, then a shared counter three ways.
/// `params`: `{iterations}`. Blocks: call it from a Worker.
#[wasm_bindgen(js_name = runThreading)]
pub fn run_threading(params: JsValue, on_event: Function) -> Result<JsValue, JsValue> {
    let iterations = read_params("threading", &params)?.number("iterations");
    let results = threading::run(iterations, &mut |event| emit_to(&on_event, &event));
    let counters = Array::new();
    for result in results {
        counters.push(&js_object(&[
            ("sharing", result.sharing.name().into()),
            (
                "sharingSentence",
                message_to_js(&Message::new(result.sharing.sentence(), Vec::new())),
            ),
            ("threads", (result.threads as f64).into()),
            ("expected", (result.expected as f64).into()),
            ("counted", (result.counted as f64).into()),
            ("elapsedMs", result.elapsed_ms.into()),
            ("nothingLost", nothing_lost_to_js(result.nothing_lost())),
        ]));
    }
    Ok(js_object(&[("counters", counters.into())]))
}

/// `{why, …}` with the measurement that says why (`why`: "oneThread", "apart" with
/// `gapMs`, "tookTurns" with `overlapMs`, "interleaved" with `interleavings`), or null.
fn nothing_lost_to_js(nothing_lost: Option<threading::NothingLost>) -> JsValue {
    use threading::NothingLost;
    match nothing_lost {
        None => JsValue::NULL,
        Some(NothingLost::OneThread) => js_object(&[("why", "oneThread".into())]),
        Some(NothingLost::Apart { gap_ms }) => {
            js_object(&[("why", "apart".into()), ("gapMs", gap_ms.into())])
        }
        Some(NothingLost::TookTurns { overlap_ms }) => js_object(&[
            ("why", "tookTurns".into()),
            ("overlapMs", overlap_ms.into()),
        ]),
        Some(NothingLost::Interleaved { interleavings }) => js_object(&[
            ("why", "interleaved".into()),
            ("interleavings", (interleavings as f64).into()),
        ]),
    }
}

/// For `make bench`: [`crate::bench::wake_up_latencies`] on the page's pool, in milliseconds.
/// Blocks: call it from the pool's Worker.
#[wasm_bindgen(js_name = measureWakeUp)]
pub fn measure_wake_up(samples: u32, idle_ms: u32) -> Result<Vec<f64>, JsError> {
    crate::bench::wake_up_latencies(samples.min(1_000) as usize, idle_ms.min(1_000).into())
        .ok_or_else(|| JsError::new("Waking a thread needs a pool of two threads or more."))
}

/// Where in this instance's memory the current pool run counts its rows (a `u32`), so
/// that the page can read progress from the shared memory while the run blocks.
#[wasm_bindgen(js_name = rowsDoneAddress)]
pub fn rows_done_address() -> usize {
    std::ptr::addr_of!(pool::ROWS_DONE) as usize
}

/// A seed from the browser's cryptographic generator, for "new random data".
#[wasm_bindgen(js_name = freshSeed)]
pub fn fresh_seed() -> Result<f64, JsError> {
    let seed = getrandom::u64().map_err(|error| JsError::new(&error.to_string()))?;
    Ok((seed & crate::params::MAX_SEED) as f64)
}
