//! Wall-clock time in milliseconds since the Unix epoch.
//!
//! In the browser this is `performance.timeOrigin + performance.now()`: each worker has its
//! own `timeOrigin`, and only the sum is a clock that the page and all its workers share,
//! so spans recorded on different threads line up on one timeline.

#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
        #[wasm_bindgen(thread_local_v2, js_namespace = performance, js_name = timeOrigin)]
        static TIME_ORIGIN: f64;
    }

    TIME_ORIGIN.with(|origin| *origin) + performance_now()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since_epoch| since_epoch.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Runs `step` and returns its result with when it started and ended: the one way the crate
/// times a step (a span of the timeline, a repeat of the pool).
pub fn timed<T>(step: impl FnOnce() -> T) -> (T, f64, f64) {
    let start_ms = now_ms();
    let result = step();
    (result, start_ms, now_ms())
}
