//! The worker examples (1, 2, 7–9), called from the page's Workers: the pool's (which rayon
//! blocks, so never the page's main thread) and each process's.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::convert::{describe, emit_to, js_object, message_to_js, optional_bool, refused};
use super::params::read_params;
use crate::demos::multiprocessing::{self, ProcessHost, ProcessReport, Started};
use crate::demos::{pool, threading};
use crate::messages::Message;
use crate::trace::Event;

/// The pool method a page names ("apply", "map" or "starmap").
pub(super) fn pool_method(name: &str) -> Result<pool::PoolMethod, JsValue> {
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

/// Examples 7–9 (`method`: "apply", "map" or "starmap") on the thread pool started by
/// `initThreadPool`. Blocks: call it from a Worker. `params` may carry rows, columns,
/// minimum, maximum, seed, chunkRows and repeats. Resolves to the report: the medians
/// (`parallelMs`, `sequentialMs`), every repeat's times (`parallelTimesMs`,
/// `sequentialTimesMs`), the speedup's median and range (`speedup`, `speedupMin`,
/// `speedupMax`, null when nothing could be compared), `speedupSentence` as the output writes
/// it, and the `verdict` ("won", "lost", "tie", "noRows" or "tooQuick").
#[wasm_bindgen(js_name = runPool)]
pub fn run_pool(method: &str, params: JsValue, on_event: Function) -> Result<JsValue, JsValue> {
    let values = read_params(&format!("pool-{method}"), &params)?;
    let method = pool_method(method)?;
    let params = pool::PoolParams {
        // Switched off only by `make bench`, to measure what recording costs.
        trace: optional_bool(&params, "trace")?.unwrap_or(true),
        ..pool::PoolParams::from_values(&values)
    };
    let report =
        pool::run_pool(method, &params, &|event| emit_to(&on_event, &event)).map_err(refused)?;
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
/// `{line, calls, startedMs, postedMs, receivedMs, readyMs, finishedMs, answeredMs}` (see
/// `www/js/processes.js`).
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
            let ms = |name: &str| field(name).as_f64().unwrap_or(0.0);
            Ok(ProcessReport {
                line: field("line").as_string().unwrap_or_default(),
                calls: ms("calls") as u32,
                started_ms: ms("startedMs"),
                posted_ms: ms("postedMs"),
                received_ms: ms("receivedMs"),
                ready_ms: ms("readyMs"),
                finished_ms: ms("finishedMs"),
                answered_ms: ms("answeredMs"),
            })
        })
    }
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
    let results = threading::run(iterations, &|event| emit_to(&on_event, &event));
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
