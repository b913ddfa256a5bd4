// Spanish for the page's own text (HTML_ES, by the data-i18n keys of index.html), for the
// scripts' messages (MESSAGES_ES, by the keys of MESSAGES_EN in i18n.js) and for the
// timeline (TIMELINE_ES, by the keys of TIMELINE_TEXTS_EN in timeline/texts.js), and for
// the sentences the crate writes into a run's output (CRATE_ES, by the keys of
// crate/src/messages.rs).

import { THREAD_STEPPER_ES } from './es-thread-stepper.js';
import { QUESTION_MESSAGES_ES } from './es-questions.js';

export const HTML_ES = {
  byHandHeading: 'Sé el bucle de eventos',
  byHandIntro: 'Ejecuta el programa siendo tú el bucle de asyncio: cuando hay más de una tarea ' +
    'lista, eliges la que se ejecuta a continuación, hasta su siguiente await. El tiempo se ' +
    'detiene mientras eliges; cuando no hay ninguna tarea lista, el reloj salta a los ' +
    'siguientes temporizadores.',
  byHandStart: 'Empezar, con los parámetros de arriba',
  tagline: 'Corrutinas, hilos y pools de workers, ejecutados de verdad en tu navegador — Rust ' +
    'compilado a WebAssembly — con una línea de tiempo de qué se ejecutó y cuándo.',
  theme: 'Tema',
  themeSystem: 'Como el sistema',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  language: 'Idioma',
  isolationNotice: `
    <p><strong>Aquí no hay hilos.</strong>
      <span class="full-only">Esta página no está aislada entre orígenes (cross-origin
      isolated), así que el navegador no le da la memoria compartida que necesitan los
      hilos.</span>
      <span class="embed-only">La página que contiene este ejemplo no está aislada entre
      orígenes (cross-origin isolated), así que el navegador no le da la memoria compartida
      que necesitan los hilos.</span>
      Todos los ejemplos se ejecutan igualmente — las corrutinas en el bucle de eventos, los
      procesos como workers separados —, pero los ejemplos de pool y de hilos se ejecutan en
      un solo worker, una parte tras otra.</p>
    <p class="full-only">Para tener hilos de verdad, sirve la página con
      <code>Cross-Origin-Opener-Policy: same-origin</code> y
      <code>Cross-Origin-Embedder-Policy: require-corp</code> (<code>make serve</code> lo hace).</p>
    <p class="embed-only"><a id="isolation-open-full" target="_blank" rel="noopener">Ábrelo en
      el playground completo ↗</a> para tener hilos de verdad.</p>`,
  sandboxNotice: `
    <p>Este marco está aislado (sandbox) sin <code>allow-same-origin</code>: los ejemplos se
      ejecutan, pero no se guarda la elección de idioma y tema, y para copiar hay que pulsar
      Ctrl+C. Para tenerlo todo, el marco necesita
      <code>sandbox="allow-scripts allow-same-origin allow-popups"</code>
      (<code>allow-popups</code> abre el playground completo), o ningún <code>sandbox</code>.</p>`,
  examples: 'Ejemplos',
  run: 'Ejecutar',
  stop: 'Detener',
  share: 'Compartir / insertar',
  questionsHeading: 'Predice y ejecuta',
  questionsToggle: 'Hacer preguntas antes de ejecutar',
  sharePanel: 'Compartir o insertar este ejemplo',
  shareUrl: 'Enlace a este ejemplo con estos parámetros',
  shareEmbed: 'Insértalo en la página de un curso',
  courseOptions: 'Para un curso: qué muestra el ejemplo insertado',
  courseQuestions: 'Preguntas antes de cada ejecución',
  courseExplain: 'La explicación',
  courseCode: 'El código (Rust y Python)',
  courseRun: 'Ejecutarlo en cuanto cargue',
  courseLanguage: 'Idioma',
  courseLanguageBrowser: 'El del navegador de quien aprende',
  sharePreview: 'Vista previa de la inserción',
  sharePreviewTitle: 'Vista previa del ejemplo insertado',
  shareHint: 'En la página de un curso que no esté aislada entre orígenes, el ejemplo se ' +
    'ejecuta sin hilos, y lo indica.',
  openFull: 'Abrir en el playground completo ↗',
  skipLink: 'Saltar al ejemplo',
  copyUrl: 'Copiar el enlace',
  copyEmbed: 'Copiar el código',
  labHeading: 'Manéjala tú',
  progress: 'Progreso de la ejecución',
  output: 'Salida',
  timeline: 'Línea de tiempo',
  timelineHint: 'Una fila por corrutina o worker. Pasa el ratón sobre un tramo, o enfoca la ' +
    'línea de tiempo y usa las flechas; la rueda o + / − hacen zoom, arrastrar desplaza.',
  replay: 'Repetición',
  replayPrevious: 'Evento anterior',
  replayNext: 'Evento siguiente',
  replaySpeed: 'Velocidad de la repetición',
  schedulerHeading: 'El bucle de eventos en el cursor',
  exportTrace: 'Exportar traza (JSON de Perfetto)',
  exportImage: 'Exportar imagen (PNG)',
  rustHeading: 'Rust <span class="subtle">— el código que se ejecuta</span>',
  pythonHeading: 'Python <span class="subtle">— el original</span>',
  rustFiles: 'Archivos fuente de Rust',
  pythonFiles: 'Archivos fuente de Python',
};

export const MESSAGES_ES = {
  notPortedBadge: 'aún sin portar',
  notPorted: 'Este ejemplo aún no se ha portado a Rust.',
  howItWorks: 'Cómo funciona',
  kicker: 'Ejemplo {number} · {group}',
  pageTitle: '{number}. {title} · Async & Parallel Playground',
  embedTitle: '{title} — Async & Parallel Playground',
  couldNotStart: 'No se pudo iniciar: {message}',
  couldNotDownload: 'No se pudo descargar {file}, una parte del playground. Comprueba la ' +
    'conexión y pulsa Ejecutar para volver a intentarlo.',
  poolDidNotStart: 'el pool de hilos no arrancó en {seconds} segundos',
  couldNotLoadCode: 'No se pudo cargar el código: {message}',
  couldNotExport: 'No se pudo exportar la imagen: {message}',
  couldNotExportTrace: 'No se pudo exportar la traza: {message}',
  couldNotLoadParts: 'No se pudieron descargar las preguntas, las ejecuciones comparadas ni los laboratorios de esta página: comprueba la conexión y vuelve a cargar la página. El ejemplo se puede ejecutar igualmente.',
  earlierLines: '… {count} líneas anteriores no se muestran',
  fixParams: 'Hay parámetros que corregir antes de poder ejecutar el ejemplo.',
  fixLinkParams: 'Hay parámetros del enlace que corregir antes de poder ejecutar el ejemplo.',
  noSuchExample: 'No hay ningún ejemplo llamado «{id}»; aquí tienes {title}.',
  badPageOption: 'Se ignoró la opción {name}={value} del enlace: admite {allowed}.',
  unknownPageOption: 'Se ignoró la opción “{name}” del enlace: la página no tiene esa opción.',
  running: 'Ejecutando…',
  stopped: 'Detenido.',
  finished: 'Terminado: {summary}',
  error: 'Error: {message}',
  enterValue: 'Escribe un valor.',
  enterNumber: 'Escribe un número.',
  enterWholeNumber: 'Escribe un número entero.',
  between: 'Entre {min} y {max}.',
  oneOf: 'Uno de estos: {values}.',
  notAChoice: '{value} (no es una opción)',
  labCreated: 'print_name() creada e iniciada: espera en su yield.',
  labSent: 'Enviado «{name}»: la corrutina ha vuelto a ejecutarse hasta su yield.',
  labClosed: 'Cerrada.',
  labCreateFirst: 'Crea primero la corrutina.',
  byHandStarted: 'Ejecución a mano: tú eres el bucle de eventos.',
  byHandChoose: 'En {at}, hay {count} tareas listas. ¿Cuál se ejecuta ahora? (asyncio ejecutaría ' +
    'la primera de la cola, {first}; las teclas 1–9 eligen por posición.)',
  byHandChoseFirst: 'En {at} ejecutaste {chosen}, la primera de la cola, como haría asyncio.',
  byHandChoseOther: 'En {at} ejecutaste {chosen}; asyncio habría ejecutado {first}, la primera de la cola.',
  byHandFinished: 'El programa terminó en {at}. Tus elecciones: {choices}; de ellas, distintas ' +
    'de la de asyncio (la primera de la cola): {differed}.',

  byHandDone: 'Terminado a mano: la salida y la línea de tiempo son tu ejecución.',
  ranWithoutThreads: 'Se ejecutó en 1 worker, no en {workers}: esta página no tiene hilos.',
  copied: 'Copiado.',
  copyByHand: 'Seleccionado: pulsa Ctrl+C (⌘C) para copiarlo.',
  processesJoined: '{count} procesos iniciados y luego esperados (join)',
  sharedCount: '{sharing} {counted} de {expected}',
  nothingLostOneThread: 'no se perdió ninguno: un hilo solo no compite con nadie',
  nothingLostApart: 'no se perdió ninguno: los hilos nunca contaron a la vez; los dos más ' +
    'próximos estuvieron a {gap} ms uno de otro',
  nothingLostTookTurns: 'no se perdió ninguno: los hilos contaron durante los mismos {overlap} ' +
    'ms, pero por turnos: ninguno leyó nunca un valor que el otro acabara de escribir',
  nothingLostInterleaved: 'no se perdió ninguno: los pasos de los hilos se intercalaron {count} ' +
    'veces, pero ninguna escritura cayó entre la lectura y la escritura de otro hilo',
  schedulerBeforeStart: 'Antes del primer evento: aún no se ha ejecutado nada.',
  schedulerMoment: 'A los {time}, evento {index} de {total}: {event}.',
  schedulerRunning: 'Ejecutándose ahora',
  schedulerRunningTask: '{task}, desde {since}',
  schedulerIdle: 'nada: el bucle espera a un temporizador',
  schedulerReady: 'Cola de tareas listas, en orden (loop._ready de asyncio)',
  schedulerTimers: 'Temporizadores pendientes, el más próximo primero (loop._scheduled de asyncio)',
  schedulerTimer: '{lane}: vence a los {time}',
  schedulerSuspended: 'Suspendidas, y qué espera cada una',
  schedulerNoTask: 'ninguna',
  schedulerNoTimer: 'ninguno',
  schedulerMore: '… y {count} más',
  causeStart: 'nueva, su primer paso',
  causeTimer: 'su temporizador venció',
  causeYield: 'cedió el turno (sleep 0) y volvió a la cola',
  causeChildrenDone: 'las tareas que reunió han terminado (la última: {task})',
  causeOther: 'despertada',
  eventRoot: 'se crea {task} (asyncio.run)',
  eventSpawned: '{parent} crea la tarea {task}',
  eventWoken: '{task} entra en la cola de tareas listas: {cause}',
  eventStep: 'el bucle saca {task} de la cola y la ejecuta',
  eventDone: '{task} retorna: ha terminado',
  eventSuspended: '{task} se suspende en un await: {awaits}',
  eventTimerSet: '{lane} pone un temporizador que vence a los {time}',
  eventTimerFired: 'vence el temporizador de {lane}: deja los temporizadores pendientes',
  eventTimerDropped: 'un temporizador pendiente se descarta con su tarea detenida',
  replayPrevious: 'Evento anterior',
  replayNext: 'Evento siguiente',
  replayPlay: 'Reproducir',
  replayPause: 'Pausa',
  codeAtCursor: 'En el cursor de la repetición: {lines}.',
  codeRunningLine: 'se ejecuta la línea {line}',
  codeParkedLine: 'la línea {line} retiene {count} suspendidas',
  schedulerGenerator: '{lane}: en su yield, esperando el próximo send()',
  eventGeneratorParked: '{lane} se detiene en su yield, esperando el próximo send()',
  eventGeneratorResumed: '{lane} sigue desde su yield',
  loopIdle: 'inactivo: esperando al siguiente temporizador',
  loopBetween: 'el propio bucle, entre dos pasos',
  loopStep: 'un paso de {task}',
  elapsedSpedUp: '{own} simulados, {real} reales a {speed}×',
  countGathered: '{calls} reunidas (gather): {took}',
  countSequential: '{calls} una tras otra: {took}',
  countBoth: '{calls} reunidas en {gathered}, una tras otra en {sequential} ({ratio}× más); ' +
    'ambas a la vez: {took}',
  poolSpeedup: 'aceleración {speedup} con {workers}, {verdict} (pool.{method} {parallel} ' +
    'ms, bucle {sequential} ms)',
  poolWon: 'ganó el pool',
  poolLost: 'perdió el pool',
  poolTie: 'un empate dentro del ruido',
  poolNoRows: 'no hay filas, nada que comparar (pool.{method} con {workers})',
  poolTooQuick: 'demasiado rápido para que el reloj lo compare con {workers} ' +
    '(pool.{method} {parallel} ms, bucle {sequential} ms)',
  oneWorker: '1 worker',
  workers: '{count} workers',
  originalScript: 'el script del original',
  randGathered: 'tres makerandom() reunidas',
  chains: 'cadenas',
  ...THREAD_STEPPER_ES,
  ...QUESTION_MESSAGES_ES,
  // Ejecuciones comparadas y el barrido de filas (compare/).
  runsHeading: 'Ejecuciones de esta visita ({count})',
  runsEmpty: 'Cada ejecución que termina se guarda aquí, para poner ejecuciones lado a lado: ' +
    'ejecuta un ejemplo, cambia un parámetro y vuelve a ejecutarlo.',
  runsHint: 'La más reciente primero; se guardan las últimas {max} mientras esta pestaña siga ' +
    'abierta. Una barra compara una ejecución con las demás de su ejemplo.',
  runsClear: 'Borrar',
  runsCleared: 'Se borraron las ejecuciones.',
  runsCaption: 'Ejecuciones terminadas de esta visita, la más reciente primero',
  runsColRun: 'Ejecución',
  runsColExample: 'Ejemplo',
  runsColParams: 'Parámetros que la distinguen',
  runsColTime: 'Tiempo',
  runsColSpeedup: 'Aceleración (bucle ÷ pool), mediana (rango)',
  runsDefaults: 'los de por defecto',
  runsPoolTime: 'pool {pool} · bucle {loop}',
  runsTooQuick: 'demasiado rápido para comparar',
  ratioRange: '{median}× ({min}–{max}×)',
  sweepHeading: 'Barrido de filas: ¿cuándo compensa el paralelismo?',
  sweepHint: 'Ejecuta pool.{method} con cada tamaño desde {smallest} filas hasta el mayor ' +
    'elegido aquí, con 1 worker y con los {workers}, por turnos ({rounds} ejecuciones de cada ' +
    'uno por tamaño, en pools propios, sin dibujar línea de tiempo), con los demás parámetros ' +
    'del formulario; luego dibuja cuántas veces más rápido fueron todos los workers que uno.',
  sweepLargest: 'Filas como máximo',
  sweepStart: 'Barrer filas',
  sweepStop: 'Detener el barrido',
  sweepStarting: 'Iniciando dos pools propios, de 1 worker y de {workers}…',
  sweepProgress: 'Barriendo: {rows} filas con {workers}, ejecución {done} de {total}…',
  sweepDone: 'Barridos {count} tamaños.',
  sweepStopped: 'Detenido tras {count} de {total} tamaños.',
  sweepStoppedElsewhere: 'Detenido al mostrarse otro ejemplo, tras {count} de {total} tamaños.',
  sweepStoppedForRun: 'Detenido por la ejecución que empezó, tras {count} de {total} tamaños.',
  sweepFailed: 'El barrido se detuvo: {message}',
  sweepNeedsThreads: 'Un barrido compara 1 worker con varios, y esta página no tiene hilos ' +
    '(ver el aviso de arriba): no hay nada que comparar.',
  sweepOneCore: 'Este dispositivo indica un solo núcleo: no hay con qué comparar 1 worker.',
  sweepPageRunning: 'Hay una ejecución en curso: barre cuando haya terminado.',
  sweepFixParams: 'Corrige primero los parámetros de arriba: el barrido los usa.',
  sweepFewerRepeats: 'Desde {rows} filas, cada ejecución mide 1 repetición, porque el crate no ' +
    'admite más: {reason}',
  sweepLeftOut: 'Desde {rows} filas, omitidos, porque el crate los rechaza: {reason}',
  sweepChartTitle: 'Aceleración de {workers} workers frente a 1 según las filas, pool.{method}',
  sweepChartPartial: 'El barrido hasta ahora; la tabla de abajo tiene sus números.',
  sweepXAxis: 'Filas (escala logarítmica)',
  sweepYAxis: 'Veces más rápido que 1 worker',
  sweepIdeal: 'ideal: {workers}×',
  sweepCrossoverMark: 'cruce: {rows}',
  sweepCrossoverRow: '← cruce',
  sweepTableCaption: 'Lo mismo, en números: cada tiempo es la mediana, entre {rounds} ' +
    'ejecuciones, de la mediana de las llamadas al pool de cada una; la aceleración es su ' +
    'cociente, entre paréntesis su rango entre ejecuciones.',
  sweepColRows: 'Filas',
  sweepColOne: '1 worker',
  sweepColAll: '{workers} workers',
  sweepColSpeedup: 'Aceleración',
  sweepCrossover: 'En este dispositivo {workers} workers ganan a 1 a partir de {rows} filas. ' +
    'Ahí 1 worker tarda {work} ({perRow} ns por fila); repartido entre {workers}, son {share} ' +
    'cada uno, lo que ahorra {saved}, y {workers} workers tardaron {all}: repartir las filas y ' +
    'esperar sus cuentas costó {handOff}, menos de lo que ahorra el reparto. Con ' +
    '{beforeRows} filas el reparto solo podía ahorrar {beforeSaved}, y repartir costó ' +
    '{beforeHandOff}.',
  sweepFromTheStart: 'En este dispositivo {workers} workers ganan a 1 ya con {rows} filas, el ' +
    'menor tamaño barrido: 1 worker tarda {work} ({perRow} ns por fila); repartido entre ' +
    '{workers}, son {share} cada uno, lo que ahorra {saved}, y repartir las filas y esperar ' +
    'sus cuentas costó {handOff} ({workers} workers tardaron {all}).',
  sweepNever: 'Hasta {rows} filas, {workers} workers no ganaron a 1 en este dispositivo. Con ' +
    '{rows} filas 1 worker tarda {work} ({perRow} ns por fila); repartido entre {workers}, ' +
    'son {share} cada uno, lo que ahorraría {saved}, pero {workers} workers tardaron {all}: ' +
    'repartir las filas y esperar sus cuentas costó {handOff}, más o menos lo que ahorra ' +
    'el reparto, o más.',
  sweepFellBack: 'Con {rows} filas la aceleración volvió a caer a 1× o menos: un barrido mide ' +
    'un momento de un dispositivo que comparten otros programas.',
};

export const TIMELINE_ES = {
  states: { running: 'ejecutando', sleeping: 'durmiendo', waiting: 'esperando' },
  empty: 'Aún no hay tramos.',
  help: 'Las flechas izquierda y derecha recorren los tramos de una fila; arriba y abajo ' +
    'llevan al tramo más cercano de la fila vecina. Más y menos hacen zoom, Mayúsculas con ' +
    'las flechas desplaza, 0 deshace el zoom, Escape quita la selección.',
  emptySummary: 'Línea de tiempo: vacía',
  summary: ({ lanes, spans, length }) => `Línea de tiempo: ${lanes} fila${lanes === 1 ? '' : 's'}, ` +
    `${spans} tramo${spans === 1 ? '' : 's'}, ${length}`,
  showing: ({ from, to }) => `; se muestra de ${from} a ${to}`,
  spanCount: (count) => `${count} tramo${count === 1 ? '' : 's'}`,
  duration: (length) => `duración ${length}`,
  describe: ({ lane, state, label, from, to, length }) =>
    `${lane}: ${state}${label ? `, ${label}` : ''}, de ${from} a ${to}, dura ${length}`,
  flowKinds: { spawn: 'iniciada', call: 'llamada', return: 'resultado', timer: 'temporizador', send: 'enviado' },
  arrows: (list) => `; flechas: ${list}`,
  arrowIn: ({ kind, lane, at }) => `${kind} desde ${lane} a los ${at}`,
  arrowOut: ({ kind, lane, at }) => `${kind} hacia ${lane} a los ${at}`,
  edgeSpan: ({ last, lane }) => `${last ? 'Último' : 'Primer'} tramo de ${lane}`,
  edgeLane: ({ last }) => `${last ? 'Última' : 'Primera'} fila`,
  moreLanes: ({ from, to, total, pinned }) =>
    `Filas ${from}–${to} de ${total} a la vista: desplaza la línea de tiempo, o pulsa ` +
    `Mayúsculas+↑/↓ en ella, para ver las demás.${pinned ? ` Siempre a la vista: ${pinned}.` : ''}`,
};

export const CRATE_ES = {
  stoppedAfter: 'Detenido tras {seconds}.',
  processOrder: 'Iniciados en el orden {started}; terminados en el orden {finished}.',
  processCalls: 'Llamadas contadas por la global de cada proceso: {calls}; por la de la página: ' +
    '{own}. No se compartió nada: cada resultado volvió como un mensaje.',

  outOfRange: '{field} debe estar entre {min} y {max}; se recibió {got}.',
  notAWholeNumber: '{field} debe ser un número entero; se recibió {got}.',
  notAChoice: '{field} debe ser uno de {choices}; se recibió "{got}".',
  wrongType: '{field} debe ser {expected}.',
  textLength: 'El {what} debe tener de {min} a {max|carácter|caracteres}; se recibieron {got}.',
  byHandAtMost: 'A mano, como mucho {max} corrutinas: cada una necesita una elección tuya; se ' +
    'pidieron {got}.',
  byHandGathered: 'A mano, las corrutinas se ejecutan reunidas (gather): una tras otra, solo hay ' +
    'una lista cada vez, y nada que elegir.',
  prefix: 'prefijo',
  name: 'nombre',
  aNumber: 'un número',
  aString: 'un texto',
  trueOrFalse: 'true o false',
  speedOutOfRange: 'La velocidad debe estar entre {min}× y {max}×; se recibió {got}.',
  chainsTooLong: 'Indica entre 1 y {most} cadenas en {characters|carácter|caracteres} como ' +
    'mucho; se recibieron {got}.',
  chainNotANumber: 'Cada cadena debe ser un número entero de 1 a {max}; se recibió "{part}".',
  chainsCount: 'Indica entre 1 y {most} cadenas; se recibieron {got}.',
  coroutinesTooLong: 'Una tras otra, {coroutines} corrutinas tardan {seconds}, {minutes} ' +
    'minutos a {speed}×: a esta velocidad terminan como mucho {most} en {limit} minutos. ' +
    'Reúnelas con gather, ejecuta menos o acelera.',
  minimumAboveMaximum: 'El mínimo no puede superar el máximo; se recibieron {minimum} y {maximum}.',
  tooManyHandOffs: '{method} repartiría {handOffs}, más que el máximo de {max} repartos de ' +
    'una ejecución: pon al menos {fewest|fila|filas} por llamada.',
  tooManyHandOffsRepeated: '{method} repartiría {handOffs} ({perRepeat} por repetición × ' +
    '{repeats} repeticiones), más que el máximo de {max} repartos de una ejecución: pon al ' +
    'menos {fewest|fila|filas} por llamada, o baja las repeticiones.',
  tooMuchMemory: '{method} con {rows} filas × {columns|columna|columnas} necesita {needed} MiB, ' +
    'más de los {budget} MiB que puede usar una ejecución: caben como mucho {most} filas.',

  calls: '{count|llamada|llamadas}',
  chunks: '{count|bloque|bloques}',
  poolTimingCalls: '{method}: {rows} filas en {workers|worker|workers} en {time} ' +
    '({calls|llamada|llamadas}, mediana de {repeats})',
  poolTimingChunks: '{method}: {rows} filas en {workers|worker|workers} en {time} ' +
    '(bloques de {chunkRows|fila|filas}, mediana de {repeats})',
  speedup: '{median}×',
  speedupRange: '{median}× ({min}–{max}×)',
  loopSpeedup: 'bucle secuencial: {time}; aceleración {speedup}',
  loopNoRows: 'bucle secuencial: {time}; sin filas, nada que comparar',
  loopTooQuick: 'bucle secuencial: {time}; ambos demasiado rápidos para que el reloj los compare',
  poolTotal: 'total: {total} valores dentro de [{minimum}, {maximum}] en {rows} filas, los ' +
    'mismos con ambos',
  poolVerdict: '{verdict} {split}; {cost}.',
  poolWonOnce: 'Ganó el pool: más rápido que el bucle en su única repetición.',
  poolWon: 'Ganó el pool: más rápido que el bucle en las {repeats} repeticiones.',
  poolLostOnce: 'Perdió el pool: más lento que el bucle en su única repetición.',
  poolLost: 'Perdió el pool: más lento que el bucle en las {repeats} repeticiones.',
  poolTie: 'Un empate dentro del ruido: las repeticiones fueron de {min}× a {max}×.',
  nothingSplit: 'Con 1 worker no se reparte nada, así que nada se ahorra',
  split: 'Repartidos entre {workers} workers, los {loop} de recuento del bucle son {share} ' +
    'para cada uno, lo que ahorra {saved}',
  handOffCost: 'repartir {handOffs} costó {cost} ({each} por reparto)',
  handOffFree: 'repartir {handOffs} no costó un tiempo medible',

  unsynchronised: 'sin sincronizar',
  mutex: 'Mutex',
  atomic: 'atómico',
  sharedCountLine: '{threads|hilo|hilos} × {iterations} incrementos, {sharing}: {counted} de ' +
    '{expected} ({lost}) en {time}',
  noneLost: 'no se perdió ninguno',
  someLost: '{count|perdido|perdidos}',

  spanSleep: 'duerme {seconds}',
  spanResumed: 'reanudada',
  spanAwaiting: 'esperando a {call}',
  spanStartedBy: 'iniciada por {call}',
  spanResumedBy: 'reanudada por {call}',
  spanSuspendedAtYield: 'suspendida en yield',
  spanCoroutineRuns: '{call}: la corrutina se ejecuta',
  spanProcessWorkerStart: 'arranque: un worker nuevo',
  spanProcessInstance: 'una instancia de wasm propia',
  spanGenerateMatrix: 'generar la matriz',
  spanBuildTuples: 'construir las tuplas',
  spanWaitingFor: 'esperando a {what}',
  spanWaitingForLoop: 'esperando al bucle',
  spanSequentialLoop: 'bucle secuencial',
  spanRows: 'filas {first}–{last}',
  spanRowsInCalls: 'filas {first}–{last}, en {calls} llamadas una tras otra',
  spanIdle: 'inactivo: dormido, o buscando trabajo',
  spanStartingLine: 'en la línea de salida, esperando a los demás hilos',
  spanReadAddWrite: 'leer, sumar, escribir {count|vez|veces} ({interleavings} tras una escritura de otro hilo)',
  spanLockWait: 'esperando el cerrojo',
  spanLockHeld: 'tuvo el cerrojo {count|vez|veces}',
  spanLockHeldBriefWaits: 'tuvo el cerrojo {count|vez|veces}; esperó {waits|vez|veces}, demasiado poco para mostrarlo',
  spanFetchAdd: 'fetch_add {count|vez|veces}',
};
