//! The event loop by hand (examples 4–6): the learner picks which ready task runs next
//! ([`crate::scheduler::by_hand`]), on a virtual clock that waits for them.

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::convert::{emit_to, js_object, refused};
use super::params::read_params;
use crate::examples;
use crate::scheduler::by_hand::{ByHand, PickError, Turn};
use crate::virtual_time::VirtualEnv;

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
    /// `example`: one of [`examples::by_hand_program`]'s, with the page's `params`, checked
    /// as a run's are.
    #[wasm_bindgen(constructor)]
    pub fn new(
        example: &str,
        params: JsValue,
        on_event: Function,
    ) -> Result<EventLoopByHand, JsValue> {
        let values = read_params(example, &params)?;
        let env = VirtualEnv::new();
        let program = match examples::by_hand_program(example, &values, &env) {
            Some(program) => program.map_err(refused)?,
            None => {
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
