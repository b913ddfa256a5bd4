//! How the pool's threads wait for each other: checking for a while, then asleep. Shared by
//! apply's round trip (round_trip.rs) and map's and starmap's team (team.rs).

use std::sync::{Condvar, Mutex, PoisonError};

use crate::clock;

/// How long a thread checks for its next step before it sleeps, in milliseconds: natively
/// 20 µs, about what one wake-up of a sleeping thread costs, so that a thread never spends
/// more than twice the best it could have done. In the page a wake-up took 30 µs and more
/// on this project's 2-vCPU VM, longer than such a spin: a run that began with its threads
/// asleep kept finding the other side asleep, call after call, two wake-ups a call (65 µs
/// where 0.25 µs would do) until chance broke the chain. Spinning 100 µs there made
/// apply's 10,000 calls take 0.87× as long (1 worker) and 0.96× (2) against 20 µs, medians
/// of 16 alternated rounds' ratios (bench/compare-builds.mjs); 250 µs did no better.
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
/// here); in wasm, where `spin_loop` does nothing, steps of arithmetic (48: 12 ns in V8,
/// measured in Node). Checked back to back, a thread keeps asking for the cache line the
/// other is about to write, which slows that write and its own way out of the loop; a
/// longer pause answers later. Apply's 10,000 calls in the page, 16 alternated rounds each
/// (bench/compare-builds.mjs): 16 steps instead of none took the fastest round from 2.12 to
/// 1.66 ms; 48 instead of 16 made the rounds 0.87× as long (medians of the rounds' ratios,
/// 1 and 2 workers alike) and the fastest 1.21 → 1.07 ms. Longer pauses made the median
/// round shorter still on this VM's slow pace (128 steps: 0.80–0.85× of 16) but the fastest
/// longer (1.16 → 1.61–1.93 ms): the cache line's trip between cores costs more or less
/// as the VM's vCPUs move.
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
