// Spanish texts of the examples (www/js/examples.js holds the English ones). The original
// tutorial is in Spanish. Code names (pool.map, print_name, asyncio.gather...) stay as they are.

// Shared as in examples.js (SPEED, poolParams, POOL_DATA).
const SPEED_CHOICES_ES = { '1': '1× (tiempo real)', '2': '2×', '4': '4×', '10': '10×' };
const POOL_PARAMS_ES = {
  rows: 'Filas',
  columns: 'Columnas',
  minimum: 'Mínimo',
  maximum: 'Máximo',
  seed: 'Semilla',
  chunkRows: 'Filas por llamada (0 = automático)',
  repeats: 'Repeticiones (mediana)',
  workers: 'Workers',
};
const POOL_DATA_ES = 'Una matriz de dígitos aleatorios, filas × columnas; en cada fila se ' +
  'cuentan los valores entre el mínimo y el máximo (4 y 8 en el original).';

export const GROUPS_ES = { async: 'Programación asíncrona', parallel: 'Paralelismo' };

export const EXAMPLES_ES = {
  multiprocessing: {
    title: 'Multiprocesamiento',
    summary: 'Cuatro procesos que no comparten nada; cada uno imprime su continente.',
    explanation: [
      'Se inician cuatro procesos — el primero con el argumento por defecto de print_func, ' +
        'Asia, y luego América, Europa y África — y solo entonces se espera a que terminen ' +
        '(join). Cada uno se ejecuta por su cuenta, así que las líneas salen en el orden en ' +
        'que vayan terminando los procesos: ejecútalo varias veces y observa cómo cambia el ' +
        'orden.',
      'En el navegador, un proceso es un Web Worker con su propia instancia del módulo wasm ' +
        'y su propia memoria. Los procesos no comparten nada: cada uno incrementa un contador ' +
        'global, y cada uno ve solo su propio incremento. Lo que produce un proceso llega a ' +
        'la página solo como un mensaje. La línea de tiempo muestra lo que cuesta iniciar un ' +
        'proceso (un worker y una instancia nueva) frente al instante de trabajo que hace.',
    ],
    params: { processes: 'Procesos' },
    choices: {},
  },
  threading: {
    title: 'Hilos (threading)',
    summary: 'Dos hilos en una misma memoria: un cuadrado y un cubo.',
    explanation: [
      'Se inician dos hilos, uno que imprime un cuadrado y otro un cubo; el hilo principal ' +
        'espera a ambos (join) y luego imprime «Done!». Cuál de los dos imprime primero lo ' +
        'decide el planificador.',
      'Aquí un hilo es un Web Worker que ejecuta el mismo módulo wasm sobre la misma memoria ' +
        'compartida (el pool de rayon los mantiene listos). Como comparten memoria, pueden ' +
        'compartir un contador: cada hilo le suma uno muchas veces. Leer y luego escribir en ' +
        'dos pasos pierde las actualizaciones que otro hilo hizo entre medias; un Mutex hace ' +
        'que se turnen; una suma atómica es un solo paso indivisible. Compara los recuentos ' +
        'y los tiempos. Los hilos empiezan juntos (una cuenta corta va por rondas, y se ' +
        'esperan antes de cada una), para que de verdad cuenten a la vez; si aun así una ' +
        'ejecución no pierde nada, la línea de estado dice por qué, con las mediciones de esa ' +
        'misma ejecución.',
      'El GIL de Python deja que un solo hilo ejecute código Python a la vez, así que sus ' +
        'hilos se turnan incluso con muchos núcleos: ayudan a esperar (entrada, salida), no ' +
        'a calcular — y counter += 1 aún puede perder actualizaciones, porque son varios ' +
        'bytecodes.',
    ],
    params: { iterations: 'Incrementos por hilo', workers: 'Hilos' },
    choices: {},
  },
  coroutines: {
    title: 'Corrutinas',
    summary: 'Un generador que recibe nombres e imprime los que busca.',
    explanation: [
      'print_name("Dear") es un generador usado como corrutina: next() lo ejecuta hasta su ' +
        'primer yield, donde se detiene y espera; cada send(name) lo reanuda con un nombre, ' +
        'que imprime si contiene el prefijo, y vuelve a detenerse en el yield; close() lo ' +
        'reanuda con GeneratorExit, y se despide.',
      'La versión en Rust escribe el generador a mano como una máquina de estados — creado, ' +
        'suspendido en el yield, cerrado —, así que cada punto de suspensión es un estado ' +
        'que puedes ver; la línea de tiempo muestra la corrutina esperando en su yield entre ' +
        'reanudaciones. Cada llamada ejecuta la corrutina en el hilo de quien la llama hasta ' +
        'que vuelve a suspenderse, como en Python. Una async fn es la misma idea, pero el ' +
        'compilador la construye por ti: cada .await se convierte en uno de esos estados. La ' +
        'pausa representa el trabajo propio de quien llama entre una llamada y otra (el ' +
        'original no tiene ninguno).',
    ],
    params: { pauseMs: 'Pausa entre llamadas (ms)', speed: 'Velocidad' },
    choices: {
      speed: SPEED_CHOICES_ES,
    },
  },
  'count-async': {
    title: 'Count Async',
    summary: 'Tres corrutinas comparten un hilo: mientras una duerme, las otras se ejecutan.',
    explanation: [
      'Cada count() imprime «One» y luego espera (await) un sleep de un segundo. Al esperar, ' +
        'devuelve el hilo al bucle de eventos, que mientras tanto ejecuta las otras ' +
        'corrutinas: las tres duermen a la vez, y el programa tarda un segundo, no tres.',
      'Aquí las corrutinas son futures de Rust que mueve el propio bucle de eventos de esta ' +
        'página; el sleep es una promesa de setTimeout. Cambia a «una tras otra» para ' +
        'esperar cada count() antes de iniciar el siguiente: las mismas seis líneas, en otro ' +
        'orden, en tres segundos. (El gemelo en Python bloquea su hilo en time.sleep; una ' +
        'página nunca debe bloquearse, así que aquí espera con await.)',
      '«Ambas a la vez» ejecuta las dos versiones simultáneamente en el mismo bucle de ' +
        'eventos, cada una en sus propias filas: las reunidas terminan al cabo de un segundo ' +
        'mientras las otras siguen turnándose — y el bucle de eventos atiende a ambas sin ' +
        'que ninguna frene a la otra.',
    ],
    params: { mode: 'Ejecutar las corrutinas', coroutines: 'Corrutinas', speed: 'Velocidad' },
    choices: {
      mode: {
        gather: 'reunidas (asyncio.gather)',
        sequential: 'una tras otra',
        both: 'ambas a la vez',
      },
      speed: SPEED_CHOICES_ES,
    },
  },
  rand: {
    title: 'Rand',
    summary: 'Tres corrutinas sacan números al azar hasta obtener uno que supere su umbral.',
    explanation: [
      'makerandom(idx) saca un número del 0 al 10 hasta que supera su umbral (9, 8 y 7 para ' +
        'idx 0, 1 y 2), y duerme idx + 1 segundos después de cada fallo. Las tres se ' +
        'ejecutan de forma concurrente: ninguna espera a que otra termine, y acaban en un ' +
        'orden propio. Cada una tiene su color, como en el original (cian, rojo, magenta).',
      'Las tres comparten un mismo generador aleatorio, así que lo que saca cada una depende ' +
        'del orden en que el bucle de eventos las reanuda. La versión en Rust usa el propio ' +
        'generador de CPython (Mersenne Twister, inicializado como lo hace random.seed): con ' +
        'la semilla 444 imprime exactamente lo mismo que el original en Python. Misma ' +
        'semilla, misma ejecución; prueba otras. Usa el control de velocidad para ver sus 12 ' +
        'segundos en uno.',
    ],
    params: { seed: 'Semilla', speed: 'Velocidad' },
    choices: {
      speed: SPEED_CHOICES_ES,
    },
  },
  chained: {
    title: 'Encadenadas (chained)',
    summary: 'Corrutinas que esperan a corrutinas: part1 alimenta a part2.',
    explanation: [
      'chain(n) espera (await) a part1(n) y luego a part2(n, resultado de part1): las dos ' +
        'partes de una cadena se ejecutan una tras otra, mientras que las tres cadenas se ' +
        'ejecutan a la vez. El programa tarda lo que su cadena más larga, no la suma de todas.',
      'En la línea de tiempo, la fila de cada cadena espera mientras sus partes se ejecutan ' +
        'en filas propias; la etiqueta de un part2 muestra el resultado que recibió. Con la ' +
        'semilla 444, como el original, obtiene las mismas duraciones de sleep e imprime las ' +
        'mismas líneas.',
    ],
    params: {
      chains: 'Cadenas (valores de n, como en la línea de comandos)',
      seed: 'Semilla',
      speed: 'Velocidad',
    },
    choices: {
      speed: SPEED_CHOICES_ES,
    },
  },
  'pool-apply': {
    title: 'pool.apply',
    summary: 'Una llamada bloqueante al pool por cada fila.',
    explanation: [
      `${POOL_DATA_ES} ` +
        'pool.apply envía una fila a un worker y espera su recuento antes de ' +
        'enviar la siguiente: una llamada cada vez, así que, haya los workers que haya, ' +
        'trabaja uno solo a la vez, y cada fila paga un viaje de ida y vuelta completo.',
      'En Python ese viaje de ida y vuelta serializa (pickle) la fila hacia otro proceso y de ' +
        'vuelta: el original tardó 106 s con 200.000 filas. Aquí una llamada es un traspaso ' +
        'entre hilos de una misma memoria, mucho más barato, pero aun así mucho más caro que ' +
        'contar cinco números: compáralo con el bucle y luego sube las filas por llamada para ' +
        'ver cómo se reduce la sobrecarga — la lección de apply frente a map. El valor por ' +
        'defecto es 20.000 filas para que una ejecución dure solo unos instantes.',
    ],
    params: POOL_PARAMS_ES,
    choices: {},
  },
  'pool-map': {
    title: 'pool.map',
    summary: 'Cuenta los valores dentro de un rango, fila a fila, en todos los núcleos.',
    explanation: [
      `${POOL_DATA_ES} ` +
        'pool.map reparte las filas entre un pool de workers y recoge los ' +
        'recuentos en orden.',
      'En Python cada fila viaja a otro proceso y vuelve, lo que cuesta mucho más que contar ' +
        'cinco números: el pool del original pierde frente a un simple bucle. Aquí los ' +
        'workers son hilos que comparten una memoria (rayon sobre Web Workers): no se copia ' +
        'nada, y las filas salen en bloques (chunks), así que cada traspaso se paga una vez ' +
        'por bloque. Las 200.000 filas del original tardan aquí una fracción de milisegundo, ' +
        'así que repartir los bloques y esperar al último cuesta tanto como el propio ' +
        'trabajo: por defecto ' +
        'son diez veces más, donde dos workers suelen ganar; baja las filas para ver ' +
        'desaparecer la aceleración, o súbelas para verla acercarse al número de núcleos. En la ' +
        'línea de tiempo, cada worker muestra los bloques que tomó y, entre ellos, su tiempo ' +
        'inactivo: la espera antes de su primer bloque es lo que costó darle el trabajo. ' +
        'Mientras dura una ejecución, los workers siguen mirando si llega la siguiente ' +
        'llamada en vez de dormirse, como hacen un rato los hilos de OpenMP: un hilo dormido ' +
        'puede tardar ' +
        'milisegundos en despertar.',
      'El pool se ejecuta en un Worker dedicado, porque rayon bloquea el hilo que lo llama y ' +
        'la página debe seguir respondiendo. Los datos salen de un generador con semilla ' +
        '(PCG32), así que una semilla siempre da la misma matriz. (El original llama a ' +
        'np.random.RandomState(100) y descarta el resultado: sus datos nunca llevan semilla.)',
    ],
    params: POOL_PARAMS_ES,
    choices: {},
  },
  'pool-starmap': {
    title: 'pool.starmap',
    summary: 'Como pool.map, pero cada elemento es una tupla de argumentos.',
    explanation: [
      `${POOL_DATA_ES} ` +
        'pool.starmap recibe una lista de tuplas de argumentos — (row, 4, 8) ' +
        'por cada fila — y desempaqueta cada una en una llamada a ' +
        'howmany_within_range(row, minimum, maximum).',
      'Es pool.map para funciones de varios argumentos; las tuplas se construyen una sola ' +
        'vez, antes de la llamada, como hace la comprensión de listas del original. Los ' +
        'bloques, los hilos y los tiempos son como en pool.map.',
    ],
    params: POOL_PARAMS_ES,
    choices: {},
  },
};
