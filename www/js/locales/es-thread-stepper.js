// Spanish for the thread stepper (thread-stepper/texts.js holds the English), part of
// es.js's MESSAGES_ES. Code names (counter, lock_a, seen) stay as they are.

export const THREAD_STEPPER_ES = {
  stepperHeading: 'Haz de planificador',
  stepperIntro: 'Aquí el planificador eres tú: eliges qué hilo da su siguiente paso, un ' +
    'micropaso cada vez. Busca un orden que pierda una actualización; luego mira qué cambia ' +
    'con un Mutex o con un atómico, y lleva dos cerrojos a un interbloqueo.',
  stepperKeys: 'Teclas, con el foco aquí dentro (no en una opción): 1 y 2 hacen avanzar un hilo, ' +
    'U o Retroceso deshacen.',
  stepperVariant: 'Cómo comparten los hilos el contador',
  stepperVariantUnsynchronised: 'Sin sincronizar: leer, sumar, guardar',
  stepperVariantMutex: 'Un Mutex alrededor de la actualización',
  stepperVariantAtomic: 'Un fetch_add atómico',
  stepperVariantDeadlock: 'Dos cerrojos, tomados en orden contrario',
  stepperAboutUnsynchronised: 'Como add_unsynchronised en counter.rs: una lectura y una escritura ' +
    'separadas, con sitio para el otro hilo entre ambas.',
  stepperAboutMutex: 'counter.rs lo escribe *locked.lock().unwrap() += 1; aquí va desglosado, un ' +
    'paso por línea. Un hilo cuyo siguiente paso es lock() mientras el otro tiene el cerrojo espera.',
  stepperAboutAtomic: 'Como en counter.rs: leer, sumar y escribir son una sola instrucción ' +
    'indivisible, sin nada entre medias.',
  stepperAboutDeadlock: 'No está en counter.rs (una ejecución real podría colgarse): cada hilo ' +
    'necesita los dos cerrojos para sumar uno, y los toman en orden contrario.',
  stepperIncrements: 'Incrementos por hilo',
  stepperThread: 'Hilo {number}',
  stepperStep: 'Avanzar hilo {number}',
  stepperNextMark: 'siguiente paso:',
  stepperWaitMark: 'espera aquí:',
  stepperAt: 'Siguiente: línea {line}, incremento {round} de {increments}.',
  stepperFinished: 'Terminado.',
  stepperLocals: 'Sus variables locales',
  stepperNoLocals: 'ninguna: su actualización es un solo paso',
  stepperUnset: 'aún sin valor',
  stepperShared: 'Compartido por los dos hilos',
  stepperExpected: 'al terminar los dos, si no se pierde nada: {expected}',
  stepperValue: 'valor',
  stepperLockCaption: 'cerrojo',
  stepperLockHeld: 'lo tiene el hilo {number}',
  stepperLockFree: 'libre',
  stepperUndo: 'Deshacer',
  stepperReset: 'Reiniciar',
  stepperFactsHeading: 'Qué ha hecho este orden',
  stepperNoFacts: 'Aún nada que contar.',
  stepperLogHeading: 'Pasos hasta ahora',
  stepperLogEmpty: 'Aún ningún paso.',
  stepperRead: 'El hilo {number} lee {counter}: seen = {value}.',
  stepperAdd: 'El hilo {number} suma uno: mine = {seen} + 1 = {value}.',
  stepperWrite: 'El hilo {number} escribe mine de vuelta: {counter} = {value}.',
  stepperFetchAdd: 'El hilo {number} suma uno a {counter} en un solo paso indivisible: {before} → {value}.',
  stepperIncrement: 'El hilo {number}, con los dos cerrojos, suma uno a {counter}: {before} → {value}.',
  stepperLock: 'El hilo {number} toma {lock}.',
  stepperUnlock: 'El hilo {number} suelta {lock}.',
  stepperUndone: 'Deshecho: {step}',
  stepperNothingToUndo: 'No hay nada que deshacer.',
  stepperStartedOver: 'De nuevo desde el principio: los dos hilos en su primer paso, {counter} = 0.',
  stepperCannotFinished: 'El hilo {number} ha terminado.',
  stepperWaiting: 'El hilo {number} espera a {lock}, que tiene el hilo {holder}.',
  stepperRacing: 'Los hilos {first} y {second} han leído los dos {seen} y ninguno ha escrito aún: ' +
    'cada uno escribirá {mine}, así que uno de estos dos incrementos se perderá.',
  stepperStale: 'El hilo {number} leyó {seen}, pero {counter} vale ahora {value}: cuando escriba ' +
    '{mine}, deshará lo que se sumó después de su lectura.',
  stepperLostOne: 'Actualización perdida: el hilo {number} escribió {value} sobre el {overValue} ' +
    'del hilo {over} (había leído {seen} antes de esa escritura): se pierde un incremento.',
  stepperLostMany: 'Actualización perdida: el hilo {number} escribió {value} sobre el {overValue} ' +
    'del hilo {over} (había leído {seen} antes de esas escrituras): se pierden {count} incrementos.',
  stepperDeadlock: 'Interbloqueo: {cycle}. Cada uno espera un cerrojo que tiene el otro, así que ' +
    'ninguno podrá dar ya ningún paso. Deshaz, y deja que un hilo tome primero los dos cerrojos.',
  stepperHoldsAndWaits: 'el hilo {number} tiene {held} y espera a {lock}, que tiene el hilo {holder}',
  stepperDoneLost: 'Los dos hilos han terminado: {counter} vale {value}, no {expected}: se han ' +
    'perdido {lost} de sus incrementos.',
  stepperDoneAll: 'Los dos hilos han terminado: {counter} vale {value}, lo esperado: no se ha ' +
    'perdido nada.',
};
