//! When an instance fails: a panic, running out of memory or another trap, on any thread,
//! is reported to the page with its message (see `www/js/pool-client.js` and `wasm.js`),
//! and hidden triggers let the tests provoke each on purpose.

use std::cell::UnsafeCell;
use std::fmt::Write;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

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
        // What the allocator does when it cannot grow the memory, whatever its limit.
        "outOfMemory" => std::alloc::handle_alloc_error(
            std::alloc::Layout::from_size_align(isize::MAX as usize, 1)
                .unwrap_or(std::alloc::Layout::new::<u8>()),
        ),
        "trap" => core::arch::wasm32::unreachable(),
        _ => panic!("debug panic requested"),
    };
    if on_pool_thread {
        rayon::scope(|threads| threads.spawn(|_| fail()));
    } else {
        fail();
    }
}

/// The same inside an async example, after its first await: there the failure happens in
/// a microtask of the page's event loop, where no JavaScript call can catch it.
#[wasm_bindgen(js_name = debugFailAfterAwait)]
pub async fn debug_fail_after_await(how: String) {
    let _ = JsFuture::from(Promise::resolve(&JsValue::NULL)).await;
    debug_fail(&how, false);
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
