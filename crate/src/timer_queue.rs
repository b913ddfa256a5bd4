//! The pending timers of an event loop, the one queue behind both the browser's event loop
//! (`web`) and the virtual clock of the native tests ([`crate::virtual_time`]).
//!
//! Deadlines are whole microseconds, so that two tasks due at the same moment by different
//! sums of sleeps tie exactly; tied timers fire in the order they were set, as the
//! browser's and asyncio's do. A timer is a future, ready once the queue has fired it.

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

#[derive(Default)]
pub struct TimerQueue {
    next_id: Cell<u64>,
    /// (deadline in µs, id), earliest first; among equal deadlines, the first set.
    pending: RefCell<BinaryHeap<Reverse<(u64, u64)>>>,
    fired: RefCell<HashSet<u64>>,
    wakers: RefCell<HashMap<u64, Waker>>,
}

impl TimerQueue {
    /// A timer due at `deadline_us`: a future that is ready once the queue fires it.
    pub fn at(self: &Rc<Self>, deadline_us: u64) -> impl Future<Output = ()> + 'static {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.pending.borrow_mut().push(Reverse((deadline_us, id)));
        let queue = self.clone();
        std::future::poll_fn(move |cx| {
            if queue.fired.borrow_mut().remove(&id) {
                Poll::Ready(())
            } else {
                queue.wakers.borrow_mut().insert(id, cx.waker().clone());
                Poll::Pending
            }
        })
    }

    /// The earliest deadline pending, if any.
    pub fn earliest_us(&self) -> Option<u64> {
        self.pending
            .borrow()
            .peek()
            .map(|&Reverse((deadline, _))| deadline)
    }

    /// Fires the earliest timer, if its deadline is at most `until_us`, waking its task;
    /// returns its deadline.
    pub fn fire_next(&self, until_us: u64) -> Option<u64> {
        let Reverse((deadline_us, id)) = {
            let mut pending = self.pending.borrow_mut();
            match pending.peek() {
                Some(&Reverse((deadline_us, _))) if deadline_us <= until_us => pending.pop()?,
                _ => return None,
            }
        };
        self.fired.borrow_mut().insert(id);
        // Taken out first: a waker may poll (and so borrow the queue) when woken.
        let waker = self.wakers.borrow_mut().remove(&id);
        if let Some(waker) = waker {
            crate::scheduler::timer_fires(|| waker.wake());
        }
        Some(deadline_us)
    }

    /// Fires, in deadline order, every timer due by `now_us`.
    pub fn fire_due(&self, now_us: u64) {
        while self.fire_next(now_us).is_some() {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::{Context, Wake};

    /// Counts its wakes.
    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn timers_fire_by_deadline_then_in_the_order_set() {
        let queue = Rc::new(TimerQueue::default());
        let order = Rc::new(RefCell::new(Vec::new()));
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(count.clone());
        let mut cx = Context::from_waker(&waker);
        let mut timers: Vec<_> = [(3_000, "late"), (1_000, "first tie"), (1_000, "second tie")]
            .into_iter()
            .map(|(deadline, name)| (name, Box::pin(queue.at(deadline))))
            .collect();
        for (_, timer) in &mut timers {
            assert!(timer.as_mut().poll(&mut cx).is_pending());
        }
        assert_eq!(queue.earliest_us(), Some(1_000));
        assert_eq!(queue.fire_next(999), None, "nothing is due yet");
        queue.fire_due(2_000);
        assert_eq!(
            count.0.load(Ordering::SeqCst),
            2,
            "the two tied timers woke"
        );
        for (name, timer) in &mut timers {
            if timer.as_mut().poll(&mut cx).is_ready() {
                order.borrow_mut().push(*name);
            }
        }
        assert_eq!(*order.borrow(), ["first tie", "second tie"]);
        assert_eq!(queue.fire_next(u64::MAX), Some(3_000));
        assert!(pin!(&mut timers[0].1).poll(&mut cx).is_ready());
        assert_eq!(queue.earliest_us(), None);
    }
}
