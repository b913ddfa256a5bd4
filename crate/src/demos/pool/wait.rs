//! How the pool's threads wait for each other: checking for a while, then asleep. Shared by
//! apply's round trip (round_trip.rs) and map's and starmap's team (team.rs).

use std::sync::{Condvar, Mutex, PoisonError};

use crate::clock;

/// How long a thread checks for its next step before it sleeps, in milliseconds: natively
/// 20 µs, about what one wake-up of a sleeping thread costs, so that a thread never spends
/// more than twice the best it could have done. In the page a wake-up takes 30 µs and more,
/// and apply's calls were quickest with 100 µs (README, Performance, pool.apply).
pub(super) const SPIN_MS: f64 = if cfg!(target_arch = "wasm32") {
    0.1
} else {
    0.02
};

/// Sleeps on `wake` until `ready` gives a value, saying so with `says_asleep` (true, then
/// false) while the lock on `asleep` is held: a waker that changes what `ready` reads and
/// then finds the sleeper said asleep notifies under that lock, so its notice cannot come
/// between a check and the wait.
pub(super) fn sleep_until<T>(
    asleep: &Mutex<()>,
    wake: &Condvar,
    says_asleep: impl Fn(bool),
    ready: impl Fn() -> Option<T>,
) -> T {
    let mut guard = lock(asleep);
    says_asleep(true);
    let value = loop {
        if let Some(value) = ready() {
            break value;
        }
        guard = wake.wait(guard).unwrap_or_else(PoisonError::into_inner);
    };
    says_asleep(false);
    value
}

/// Checks `done` for one batch of checks, then until it holds or [`SPIN_MS`] more have
/// passed; whether it held.
pub(super) fn spin_until(done: impl Fn() -> bool) -> bool {
    // The clock is read once per this many checks, about 8 µs of them (a check is mostly
    // its pause), and not at all by a wait shorter than that (most of a round trip's): a
    // reading costs a call into the browser, ~0.26 µs, as much as a round trip.
    #[cfg(target_arch = "wasm32")]
    const CHECKS_PER_READING: usize = 512;
    #[cfg(not(target_arch = "wasm32"))]
    const CHECKS_PER_READING: usize = 256;
    let checks = || {
        for _ in 0..CHECKS_PER_READING {
            if done() {
                return true;
            }
            pause();
        }
        false
    };
    if checks() {
        return true;
    }
    let start_ms = clock::now_ms();
    loop {
        if checks() {
            return true;
        }
        // Either way: the native clock is the system's, which may be set back.
        if (clock::now_ms() - start_ms).abs() > SPIN_MS {
            return done();
        }
    }
}

/// A pause between two checks of a spin: natively the CPU's own (`pause` on x86, ~30 ns
/// here); in wasm, where `spin_loop` does nothing, steps of arithmetic (48: 12 ns in V8).
/// Checked back to back, a thread keeps asking for the cache line the other is about to
/// write, which slows that write and its own way out of the loop; 48 steps made apply's
/// calls quickest (README, Performance, pool.apply).
#[inline(always)]
pub(super) fn pause() {
    std::hint::spin_loop();
    #[cfg(target_arch = "wasm32")]
    for step in 0..48u32 {
        std::hint::black_box(step);
    }
}

/// The lock, whatever a thread that panicked holding it left: every value behind the pool's
/// locks (the queue of map's and starmap's chunks, a team's panic; the sleepers' own,
/// nothing) is whole between two statements.
pub(super) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
