//! Measurements for `make bench` (bench/bench.mjs), not part of any example: they probe the
//! machine and the pool rather than teach.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::clock;

/// How long a sleeping pool thread takes to start work that another pool thread has just
/// handed out, in milliseconds, once per sample: what a parallel call pays before its
/// second worker starts. Each sample lets the pool fall asleep for `idle_ms` first. `None`
/// on a pool of one thread, where nobody could take the work.
pub fn wake_up_latencies(samples: usize, idle_ms: u64) -> Option<Vec<f64>> {
    if rayon::current_num_threads() < 2 {
        return None;
    }
    // The waiting thread gives up after this long, rather than spin forever should the
    // other thread never come.
    const PATIENCE_MS: f64 = 1_000.0;
    let latencies = (0..samples)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(idle_ms));
            rayon::scope(|_| {
                let taken = AtomicBool::new(false);
                let handed_out = clock::now_ms();
                // join pushes the second closure for another thread to steal and runs the
                // first: it keeps this thread busy, so that the second is not run here.
                let ((), started) = rayon::join(
                    || {
                        while !taken.load(Ordering::Acquire)
                            && clock::now_ms() - handed_out < PATIENCE_MS
                        {
                            std::hint::spin_loop();
                        }
                    },
                    || {
                        taken.store(true, Ordering::Release);
                        clock::now_ms()
                    },
                );
                started - handed_out
            })
        })
        .collect();
    Some(latencies)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::pool;

    #[test]
    fn a_wake_up_is_measured_per_sample_and_only_where_a_thread_can_take_the_work() {
        let latencies = pool(2)
            .install(|| wake_up_latencies(3, 1))
            .expect("two threads");
        assert_eq!(latencies.len(), 3);
        assert!(
            latencies.iter().all(|ms| ms.is_finite() && *ms >= 0.0),
            "{latencies:?}"
        );
        assert_eq!(pool(1).install(|| wake_up_latencies(3, 1)), None);
    }
}
