//! What a pool run allocates stays within what [`PoolParams::run_size`] says it will: the
//! bound that the memory budget is checked against. Its own test binary, because it counts
//! every allocation of the process.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use playground::demos::pool::{run_pool, PoolMethod, PoolParams};

/// The system allocator, counting the bytes allocated now and at most since the last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn grew(by: usize) {
        let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Counting::grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn a_run_allocates_no_more_than_its_size_says() {
    let workers = 2;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .expect("a rayon pool");
    let runs = [
        // Matrix and counts first, then starmap's tuples, then spans.
        (PoolMethod::Map, 400_000, 5, 0, 3),
        (PoolMethod::Map, 50_000, 37, 0, 1),
        (PoolMethod::Starmap, 300_000, 5, 0, 2),
        (PoolMethod::Map, 30_000, 5, 1, 2),
        (PoolMethod::Starmap, 20_000, 10, 1, 3),
        (PoolMethod::Apply, 5_000, 5, 0, 2),
    ];
    for (method, rows, columns, chunk_rows, repeats) in runs {
        let params = PoolParams {
            rows,
            columns,
            chunk_rows,
            repeats,
            ..PoolParams::default()
        };
        let size = params.validate(method, workers).expect("within the limits");
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        // The events are dropped as they come, as the page's bindings hand them on.
        pool.install(|| run_pool(method, &params, &drop))
            .expect("within the limits");
        let allocated = (PEAK.load(Ordering::Relaxed) - before) as u64;
        let case = format!("{} {params:?}", method.name());
        assert!(
            allocated <= size.bytes,
            "{case}: {allocated} bytes, more than the {} predicted",
            size.bytes
        );
        // Not so loose that it would refuse runs that fit: the matrix and the counts, the
        // bulk of a run, are counted as they are. (Spans are counted as if a run kept them
        // all, each with spare room: a ceiling, where they are many. Apply's are a span
        // per stretch of calls: as many as its calls on a machine too busy for a stretch
        // to hold two, a few per repeat on an idle one, so its ceiling is one per call.)
        assert!(
            chunk_rows != 0 || method == PoolMethod::Apply || allocated * 3 >= size.bytes,
            "{case}: {allocated} bytes, far below the {} predicted",
            size.bytes
        );
    }
}
