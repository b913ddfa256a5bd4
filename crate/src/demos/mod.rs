//! The examples, in the tutorial's order: event-loop examples first, then worker examples.

pub mod chained;
pub mod coroutines;
pub mod count_async;
pub mod multiprocessing;
pub mod pool;
pub mod rand;
pub mod threading;
