// Spanish for the questions (QUESTION_MESSAGES_EN, questions/messages.js), by the same keys.

export const QUESTION_MESSAGES_ES = {
  questionsIntro: 'Responde y pulsa Ejecutar: la propia ejecución lo dirá.',
  questionsNone: 'No hay preguntas con estos parámetros.',
  questionsFrozen: 'Tus respuestas están dadas: esta ejecución las comprobará.',
  questionsBadOption: '«{value}» no es un valor de ?questions= (on u off): se ignora.',
  questionsScore: '{right} de {answered} respondidas bien.',
  verdictRight: '✓ Correcto.',
  verdictWrong: '✗ Esta vez no.',
  verdictUnanswered: '– Sin responder.',
  verdictUnsettled: '? Esta ejecución no puede decidirlo: no terminó, o imprimió demasiado poco.',
  rightAnswer: 'La respuesta: {answer}.',
  seeOnTimeline: 'Verlo en la línea de tiempo',
  qYes: 'sí',
  qNo: 'no',
  qBoth: 'los dos',
  qNeither: 'ninguno',
  qNumber: '{value}',
  qPageCounter: 'Cada uno de los {count} procesos suma 1 a un contador global. Cuando todos han terminado, ' +
    '¿qué marca el contador de la propia página?',
  whyPageCounter: 'Marca {own}, mientras que el contador de cada proceso marcó {calls}: un proceso tiene su ' +
    'propia memoria y no comparte nada; solo su resultado vuelve, como un mensaje.',
  qStartOrder: '¿Saldrán las {count} líneas en el orden en que se iniciaron los procesos (primero el proceso 1)?',
  qFirstToPrint: '¿Qué proceso imprime primero su línea?',
  qProcess: 'proceso {n}',
  whyStartOrderYes: 'Esta vez sí ({order}): cada proceso va por su cuenta, así que otra ejecución puede ' +
    'cambiar el orden.',
  whyStartOrderNo: 'Salieron como {order}: cada proceso va por su cuenta e imprime cuando está listo, sea cual ' +
    'sea el orden en que se inició.',
  whyFirstToPrint: 'El proceso {n} imprimió primero, {ms} ms después de empezar a arrancar: cada proceso ' +
    'arranca antes un worker y una instancia wasm propia, y los suyos estuvieron listos antes.',
  qUnsynchronisedLost: 'Los hilos suman 1 a un contador compartido {expected} veces en total, sin ' +
    'sincronizar (leer, sumar, escribir). ¿Cuántas de esas actualizaciones se pierden?',
  qMutexLost: 'Y con el contador tras un Mutex: ¿cuántas de sus {expected} actualizaciones se pierden?',
  qLostNone: 'ninguna',
  qLostUnderHalf: 'algunas, pero menos de la mitad',
  qLostHalfOrMore: 'la mitad o más',
  whyUnsynchronisedLost: 'Contó {counted} de {expected}: se perdieron {lost} actualizaciones ({percent} %), ' +
    'cada una una escritura que deshizo la de otro hilo, hecha entre su propia lectura y su escritura.',
  whyUnsynchronisedNone: 'Contó {counted} de {expected}: ninguna escritura cayó entre la lectura y la ' +
    'escritura de otro hilo (la línea de estado dice por qué, en esta ejecución).',
  whyMutexNone: 'Contó {counted} de {expected}: un hilo tiene el cerrojo desde su lectura hasta su escritura, ' +
    'así que ninguna otra escritura puede caer en medio.',
  whyMutexLost: 'Contó {counted} de {expected}: se perdieron {lost}, lo que un Mutex nunca debería permitir.',
  qSearchingWhen: '¿Cuándo imprime la corrutina «Searching prefix:Dear»?',
  qAtCreation: 'en cuanto se llama a print_name("Dear")',
  qAtNext: 'en next(corou)',
  qAtFirstSend: 'en el primer send()',
  whySearchingCreation: 'Lo imprimió al llamar a print_name("Dear"), antes de que ninguna llamada la reanudara.',
  whySearchingNext: 'Llamar a print_name("Dear") solo crea el generador: se ejecuta hasta su primer yield, ' +
    'imprimiendo esta línea, cuando {call} lo arranca.',
  whySearchingSend: 'Lo imprimió solo cuando {call} reanudó la corrutina.',
  qNamesPrinted: 'Se le envía «James» y luego «Dear James». ¿Cuál imprime?',
  whyNamesPrinted: 'Imprimió {count} de los dos nombres: imprime un nombre solo si contiene «{prefix}».',
  qSecondLine: 'Tras el primer «One», ¿qué dice la línea siguiente?',
  whySecondOne: 'Otro «One», {seconds} s después: el primer count() espera (await) su pausa y devuelve el hilo ' +
    'al bucle de eventos, que mientras tanto arranca el siguiente count().',
  whySecondOneBoth: 'Otro «One», {seconds} s después, de la otra mitad: su primer count() espera (await) su ' +
    'pausa y devuelve el hilo al bucle de eventos, que mientras tanto ejecuta las otras corrutinas.',
  whySecondTwo: '«Two», {seconds} s después: se espera a que cada count() termine antes de empezar el ' +
    'siguiente, así que nada más se ejecuta mientras duerme.',
  whySecondTwoAlone: '«Two», {seconds} s después: con un solo count() no hay nada más que ejecutar mientras duerme.',
  qDuration: '¿Cuánto dura la ejecución, en segundos del propio programa (sea cual sea la velocidad)?',
  qAboutSeconds: 'alrededor de {seconds} s',
  whyDurationGather: 'Duró {seconds} s: las {count} pausas de un segundo fueron a la vez, así que la ' +
    'ejecución dura más o menos una pausa.',
  whyDurationSequential: 'Duró {seconds} s: cada uno de los {count} count() durmió su segundo solo después de ' +
    'que terminara el anterior, así que las pausas se sumaron.',
  whyDurationBoth: 'Duró {seconds} s, lo que su mitad más lenta, las {count} pausas una tras otra; las ' +
    'reunidas terminaron mientras tanto.',
  qRandFirst: '¿Qué makerandom() termina primero?',
  qRandLast: '¿Y cuál termina el último?',
  whyRandFirst: 'makerandom({idx}) sacó {value} en su tirada número {draws}, a los {seconds} s: cuándo termina ' +
    'cada uno depende de sus tiradas, que decide la semilla, y de su pausa de {sleep} s tras cada fallo.',
  whyRandLast: 'makerandom({idx}) no sacó {value} hasta su tirada número {draws}, a los {seconds} s: cuándo ' +
    'termina cada uno depende de sus tiradas, que decide la semilla, y de su pausa de {sleep} s tras cada fallo.',
  qFirstChain: '¿Qué cadena termina primero?',
  whyFirstChain: 'chain({n}) terminó primero, a los {took} s: su part1 y su part2 sacaron pausas de {slept} s ' +
    'en total, las más cortas de unas cadenas que iban a la vez.',
  qProgramTime: '¿Cuánto dura el programa entero?',
  qLongestChain: 'lo que su cadena más larga',
  qSumOfChains: 'lo que todas sus cadenas sumadas',
  whyProgramLongest: 'Terminó en {total} s; su cadena más larga duró {longest} s, y todas juntas {sum} s: ' +
    'las cadenas fueron a la vez.',
  whyProgramSum: 'Terminó en {total} s, cerca de los {sum} s de todas sus cadenas sumadas: fueron una tras otra.',
  qBeatsLoop: 'Filas: {rows}; workers: {workers}. ¿Gana {method} al bucle simple?',
  qPoolFaster: 'sí: más rápido en cada repetición',
  qPoolSlower: 'no: más lento en cada repetición',
  qPoolTie: 'ni sí ni no: más rápido en unas repeticiones, más lento en otras',
  whyBeatsLoop: 'Las medianas de {repeats} repeticiones: {method} {pool} ms, el bucle {loop} ms; las ' +
    'aceleraciones fueron de {min}× a {max}×.',
  qHandOuts: 'En cada repetición, ¿cuántos trozos de trabajo reparte {method} a los workers?',
  qOnePerWorker: '{workers}: uno por worker',
  qFewPerWorker: 'unos pocos por worker',
  qOnePerRow: '{rows}: uno por fila',
  whyHandOutsApply: '{count} llamadas (filas por llamada: {rows}): {method} envía una llamada y espera su ' +
    'resultado antes de la siguiente; repartirlas costó {cost} ms.',
  whyHandOutsChunks: '{count} trozos, unas {rows} filas por trozo: {method} reparte las filas en trozos (las filas por ' +
    'llamada, o por su cuenta unos pocos por worker), cada uno pagado una vez; repartirlos costó {cost} ms.',
};
