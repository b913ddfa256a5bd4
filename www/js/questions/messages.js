// The English of the questions, their choices and their reasons (MESSAGES_EN takes them in,
// i18n.js); the Spanish is in locales/es-questions.js. {name} is filled by t().

export const QUESTION_MESSAGES_EN = {
  questionsIntro: 'Answer, then press Run: the run itself will tell.',
  questionsNone: 'No questions for these parameters.',
  questionsFrozen: 'Your answers are in: this run will check them.',
  questionsBadOption: '“{value}” is not a value of ?questions= (on or off): ignored.',
  questionsScore: '{right} of {answered} answered right.',
  verdictRight: '✓ Right.',
  verdictWrong: '✗ Not this time.',
  verdictUnanswered: '– Not answered.',
  verdictUnsettled: '? This run cannot settle it: it did not finish, or printed too little.',
  rightAnswer: 'The answer: {answer}.',
  seeOnTimeline: 'See it on the timeline',
  qYes: 'yes',
  qNo: 'no',
  qBoth: 'both',
  qNeither: 'neither',
  // 1. Multiprocessing
  qNumber: '{value}',
  qPageCounter: 'Each of the {count} processes adds 1 to a global counter. Once they have all run, what does ' +
    'the page’s own counter read?',
  whyPageCounter: 'It reads {own}, while each process’s own counter read {calls}: a process has a memory of its ' +
    'own, and shares nothing; only its result comes back, as a message.',
  qStartOrder: 'Will the {count} lines come out in the order the processes were started (process 1 first)?',
  qFirstToPrint: 'Which process prints its line first?',
  qProcess: 'process {n}',
  whyStartOrderYes: 'This time they did ({order}): each process runs on its own, so another run may change the order.',
  whyStartOrderNo: 'They came out as {order}: each process runs on its own and prints when it is ready, ' +
    'whatever the order it was started in.',
  whyFirstToPrint: 'Process {n} printed first, {ms} ms after it began to start: each process first starts a ' +
    'worker and a wasm instance of its own, and its were ready soonest.',
  // 2. Threading
  qUnsynchronisedLost: 'The threads add 1 to a shared counter {expected} times in all, unsynchronised ' +
    '(read, add, write). How many of those updates are lost?',
  qMutexLost: 'And with the counter behind a Mutex: how many of its {expected} updates are lost?',
  qLostNone: 'none',
  qLostUnderHalf: 'some, but fewer than half',
  qLostHalfOrMore: 'half or more',
  whyUnsynchronisedLost: 'It counted {counted} of {expected}: {lost} updates ({percent} %) were lost, each a ' +
    'write that undid another thread’s, made between its own read and write.',
  whyUnsynchronisedNone: 'It counted {counted} of {expected}: no write came between another thread’s read and ' +
    'its write (the status line says why, for this run).',
  whyMutexNone: 'It counted {counted} of {expected}: a thread holds the lock from its read to its write, so no ' +
    'other write can come between.',
  whyMutexLost: 'It counted {counted} of {expected}: {lost} lost, which a Mutex should never allow.',
  // 3. Coroutines
  qSearchingWhen: 'When does the coroutine print “Searching prefix:Dear”?',
  qAtCreation: 'as soon as print_name("Dear") is called',
  qAtNext: 'at next(corou)',
  qAtFirstSend: 'at the first send()',
  whySearchingCreation: 'It printed as print_name("Dear") was called, before any call resumed it.',
  whySearchingNext: 'Calling print_name("Dear") only creates the generator: it runs to its first yield, ' +
    'printing this line, when {call} starts it.',
  whySearchingSend: 'It printed only when {call} resumed the coroutine.',
  qNamesPrinted: 'It is sent “James”, then “Dear James”. Which does it print?',
  whyNamesPrinted: 'It printed {count} of the two names: it prints a name only if it contains “{prefix}”.',
  // 4. Count Async
  qSecondLine: 'After the first “One”, what does the next line say?',
  whySecondOne: 'Another “One”, {seconds} s later: the first count() awaits its sleep, handing the thread ' +
    'back to the event loop, which starts the next count() meanwhile.',
  whySecondOneBoth: 'Another “One”, {seconds} s later, from the other half: its first count() awaits its ' +
    'sleep, handing the thread back to the event loop, which runs the other coroutines meanwhile.',
  whySecondTwo: '“Two”, {seconds} s later: each count() is awaited to its end before the next one starts, ' +
    'so nothing else runs while it sleeps.',
  whySecondTwoAlone: '“Two”, {seconds} s later: with a single count() there is nothing else to run while it sleeps.',
  qDuration: 'How long does the run take, in the program’s own seconds (whatever the speed)?',
  qAboutSeconds: 'about {seconds} s',
  whyDurationGather: 'It took {seconds} s: the {count} one-second sleeps ran at the same time, so the run ' +
    'lasts about one sleep.',
  whyDurationSequential: 'It took {seconds} s: each of the {count} count() slept its second only after the one ' +
    'before had finished, so the sleeps added up.',
  whyDurationBoth: 'It took {seconds} s, as long as its slower half, the {count} sleeps one after another; the ' +
    'gathered ones finished meanwhile.',
  // 5. Rand
  qRandFirst: 'Which makerandom() finishes first?',
  qRandLast: 'And which one finishes last?',
  whyRandFirst: 'makerandom({idx}) drew {value} at its draw number {draws}, {seconds} s in: when each one ' +
    'finishes depends on its draws, which the seed decides, and on its sleep of {sleep} s after each miss.',
  whyRandLast: 'makerandom({idx}) drew {value} only at its draw number {draws}, {seconds} s in: when each one ' +
    'finishes depends on its draws, which the seed decides, and on its sleep of {sleep} s after each miss.',
  // 6. Chained
  qFirstChain: 'Which chain finishes first?',
  whyFirstChain: 'chain({n}) finished first, after {took} s: its part1 and part2 drew sleeps of {slept} s in all, ' +
    'the shortest of the chains, which ran at the same time.',
  qProgramTime: 'How long does the whole program take?',
  qLongestChain: 'as long as its longest chain',
  qSumOfChains: 'as long as all its chains added up',
  whyProgramLongest: 'It finished in {total} s; its longest chain took {longest} s, and all of them together ' +
    '{sum} s: the chains ran at the same time.',
  whyProgramSum: 'It finished in {total} s, close to the {sum} s of all its chains added up: they ran one ' +
    'after another.',
  // 7–9. The pool
  qBeatsLoop: 'Rows: {rows}; workers: {workers}. Does {method} beat the plain loop?',
  qPoolFaster: 'yes: faster in every repeat',
  qPoolSlower: 'no: slower in every repeat',
  qPoolTie: 'neither: faster in some repeats, slower in others',
  whyBeatsLoop: 'The medians over {repeats} repeats: {method} {pool} ms, the loop {loop} ms; the speedups ' +
    'ran from {min}× to {max}×.',
  qHandOuts: 'In each repeat, how many pieces of work does {method} hand out to the workers?',
  qOnePerWorker: '{workers}: one per worker',
  qFewPerWorker: 'a few per worker',
  qOnePerRow: '{rows}: one per row',
  whyHandOutsApply: '{count} calls (rows per call: {rows}): {method} sends one call and waits for its result ' +
    'before the next; handing them out cost {cost} ms.',
  whyHandOutsChunks: '{count} chunks, about {rows} rows per chunk: {method} hands the rows out in chunks (the rows per ' +
    'call, or on its own a few per worker), each paid for once; handing them out cost {cost} ms.',
};
