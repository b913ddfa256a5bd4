//! The event loop by hand (examples 4–6): the learner picks which ready task runs next
//! ([`crate::scheduler::by_hand`]), on a virtual clock that waits for them.

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::convert::{emit_to, js_object, refused};
use super::params::read_params;
use crate::demos::{chained, count_async, rand};
use crate::messages::{self, Arg};
use crate::params::ParamError;
use crate::scheduler::by_hand::{ByHand, PickError, Program, Turn};
use crate::scheduler::run_main;
use crate::virtual_time::VirtualEnv;

/// Count Async's coroutines by hand: each is a choice at the start and after the sleep.
pub const MAX_COROUTINES_BY_HAND: u32 = 10;

/// A run of an event-loop example whose turns the learner takes. Lines, spans, arrows and
/// the scheduler's record go to `on_event` as they happen, stamped with virtual
/// milliseconds from 0.
#[wasm_bindgen]
pub struct EventLoopByHand {
    run: ByHand,
    on_event: Function,
}

#[wasm_bindgen]
impl EventLoopByHand {
    /// `example`: "count-async" (always gathered: one after another leaves nothing to
    /// choose), "rand" or "chained", with the page's `params`, checked as a run's are.
    #[wasm_bindgen(constructor)]
    pub fn new(
        example: &str,
        params: JsValue,
        on_event: Function,
    ) -> Result<EventLoopByHand, JsValue> {
        let values = read_params(example, &params)?;
        let env = VirtualEnv::new();
        let on = env.clone();
        let program: Program = match example {
            "count-async" => {
                let coroutines = values.number("coroutines") as u32;
                if coroutines > MAX_COROUTINES_BY_HAND {
                    return Err(refused(ParamError::new(
                        "coroutines",
                        messages::BY_HAND_AT_MOST,
                        vec![
                            ("max", Arg::Count(MAX_COROUTINES_BY_HAND.into())),
                            ("got", Arg::Count(coroutines.into())),
                        ],
                    )));
                }
                Box::pin(async move {
                    let mode = count_async::Mode::Gather;
                    run_main(&on, count_async::run(&on, coroutines, mode)).await;
                })
            }
            "rand" => {
                let seed = values.number("seed");
                Box::pin(async move {
                    run_main(&on, rand::run(&on, seed)).await;
                })
            }
            "chained" => {
                let chains = chained::parse_chains(values.text("chains")).map_err(refused)?;
                let seed = values.number("seed");
                Box::pin(async move {
                    run_main(&on, chained::run(&on, seed, &chains)).await;
                })
            }
            _ => {
                let message = format!("{example} has no ready queue to choose from.");
                return Err(JsError::new(&message).into());
            }
        };
        Ok(EventLoopByHand {
            run: ByHand::new(env, program),
            on_event,
        })
    }

    /// Runs until the learner must choose, or the program ends: `{finished, ready: [{task,
    /// name}], nowMs}`, the ready queue in order.
    pub fn advance(&mut self) -> JsValue {
        let turn = self.run.advance();
        self.hand_over(turn)
    }

    /// The learner's choice: `task` (one of the ready ones) runs next; then as `advance`.
    pub fn pick(&mut self, task: u32) -> Result<JsValue, JsError> {
        match self.run.pick(task) {
            Ok(turn) => Ok(self.hand_over(turn)),
            Err(PickError::NotReady(task)) => Err(JsError::new(&format!(
                "Task {task} is not on the ready queue."
            ))),
            Err(PickError::Finished) => Err(JsError::new("The program has finished.")),
        }
    }

    fn hand_over(&self, turn: Turn) -> JsValue {
        for event in self.run.env().take_events() {
            emit_to(&self.on_event, &event);
        }
        let (finished, ready) = match turn {
            Turn::Finished => (true, Vec::new()),
            Turn::Choose(ready) => (false, ready),
        };
        let ready: js_sys::Array = ready
            .into_iter()
            .map(|(task, name)| js_object(&[("task", task.into()), ("name", name.into())]))
            .collect();
        js_object(&[
            ("finished", finished.into()),
            ("ready", ready.into()),
            ("nowMs", crate::env::Env::now_ms(self.run.env()).into()),
        ])
    }
}
