// The English of the thread stepper (view.js), part of i18n.js's MESSAGES_EN; its Spanish is
// locales/es-thread-stepper.js. Code names (counter, lock_a, seen) stay as written.

export const THREAD_STEPPER_EN = {
  stepperHeading: 'Be the scheduler',
  stepperIntro: 'Here you are the scheduler: you choose which thread takes its next step, one ' +
    'micro-step at a time. Find an order that loses an update; then see what a Mutex or an ' +
    'atomic changes, and lead two locks into a deadlock.',
  stepperKeys: 'Keys, while the focus is in here (not on a choice): 1 and 2 step a thread, U or ' +
    'Backspace undoes.',
  stepperVariant: 'How the threads share the counter',
  stepperVariantUnsynchronised: 'Unsynchronised: load, add, store',
  stepperVariantMutex: 'A Mutex around the update',
  stepperVariantAtomic: 'An atomic fetch_add',
  stepperVariantDeadlock: 'Two locks, taken in opposite order',
  stepperAboutUnsynchronised: 'As add_unsynchronised in counter.rs: a load and a separate store, ' +
    'with room for the other thread in between.',
  stepperAboutMutex: 'counter.rs writes it *locked.lock().unwrap() += 1; here it is spelt out, a ' +
    'step a line. A thread whose next step is lock() while the other holds the lock waits.',
  stepperAboutAtomic: 'As counter.rs: reading, adding and writing are one indivisible ' +
    'instruction, with nothing in between.',
  stepperAboutDeadlock: 'Not in counter.rs (a real run could hang): each thread needs both ' +
    'locks to add one, and they take them in opposite order.',
  stepperIncrements: 'Increments per thread',
  stepperThread: 'Thread {number}',
  stepperStep: 'Step thread {number}',
  stepperNextMark: 'next step:',
  stepperWaitMark: 'waits here:',
  stepperAt: 'Next: line {line}, increment {round} of {increments}.',
  stepperFinished: 'Finished.',
  stepperLocals: 'Its locals',
  stepperNoLocals: 'none: its update is one step',
  stepperUnset: 'not set yet',
  stepperShared: 'Shared by both threads',
  stepperExpected: 'when both finish, if nothing is lost: {expected}',
  stepperValue: 'value',
  stepperLockCaption: 'lock',
  stepperLockHeld: 'held by thread {number}',
  stepperLockFree: 'free',
  stepperUndo: 'Undo',
  stepperReset: 'Reset',
  stepperFactsHeading: 'What this order did',
  stepperNoFacts: 'Nothing to tell yet.',
  stepperLogHeading: 'Steps so far',
  stepperLogEmpty: 'No step yet.',
  // A step, as it happened.
  stepperRead: 'Thread {number} reads {counter}: seen = {value}.',
  stepperAdd: 'Thread {number} adds one: mine = {seen} + 1 = {value}.',
  stepperWrite: 'Thread {number} writes mine back: {counter} = {value}.',
  stepperFetchAdd: 'Thread {number} adds one to {counter} in one indivisible step: {before} → {value}.',
  stepperIncrement: 'Thread {number}, holding both locks, adds one to {counter}: {before} → {value}.',
  stepperLock: 'Thread {number} takes {lock}.',
  stepperUnlock: 'Thread {number} releases {lock}.',
  stepperUndone: 'Taken back: {step}',
  stepperNothingToUndo: 'Nothing to undo.',
  stepperStartedOver: 'Started over: both threads at their first step, {counter} = 0.',
  // What a state means.
  stepperCannotFinished: 'Thread {number} has finished.',
  stepperWaiting: 'Thread {number} waits for {lock}, held by thread {holder}.',
  stepperRacing: 'Threads {first} and {second} both read {seen} and neither has written back: ' +
    'each will write {mine}, so one of these two increments will be lost.',
  stepperStale: 'Thread {number} read {seen}, but {counter} is {value} now: when it writes back ' +
    '{mine}, it will undo what was added since its read.',
  stepperLostOne: 'Lost update: thread {number} wrote {value} over thread {over}’s {overValue} ' +
    '(it had read {seen} before that write): one increment lost.',
  stepperLostMany: 'Lost update: thread {number} wrote {value} over thread {over}’s {overValue} ' +
    '(it had read {seen} before those writes): {count} increments lost.',
  stepperDeadlock: 'Deadlock: {cycle}. Each waits for a lock the other holds, so neither can ever ' +
    'take another step. Undo, and let one thread take both locks first.',
  stepperHoldsAndWaits: 'thread {number} holds {held} and waits for {lock}, held by thread {holder}',
  stepperDoneLost: 'Both threads finished: {counter} is {value}, not {expected}: {lost} of their ' +
    'increments lost.',
  stepperDoneAll: 'Both threads finished: {counter} is {value}, as expected: nothing lost.',
};
