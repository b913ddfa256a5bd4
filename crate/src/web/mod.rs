//! The browser bindings: the only module that knows about JavaScript.
//!
//! Event-loop examples run on the page's main thread as futures driven by the browser's
//! event loop (`event_loop`). Worker examples are called from a dedicated Worker
//! (`www/js/pool-worker.js`, `workers`), because rayon blocks its caller and the page's main
//! thread must never block. `params` checks what the page sends, `convert` turns values
//! into JavaScript and back, and `failure` reports panics and traps from any thread.

mod by_hand;
mod convert;
mod event_loop;
mod failure;
mod params;
mod workers;
