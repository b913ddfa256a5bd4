// This machine's floor for the playground's start-up (bench/bench.mjs loads it as it loads
// the playground): the page's own code makes its wasm runnable (?start=wasm) or its thread
// pool ready (?start=pool&workers=N), in a page with nothing else to do. What the
// playground takes beyond this is its page's own work.

import { loadWasm } from '../../dist/js/wasm.js';
import { PoolClient } from '../../dist/js/pool-client.js';

const query = new URLSearchParams(location.search);
// Kept, as the playground keeps its own: the client holds its pool's workers.
const pool = query.get('start') === 'pool' ? new PoolClient({ workers: Number(query.get('workers')) }) : null;
const started = pool ? pool.start() : loadWasm();
// The mark the playground makes (app.js), which bench/measure.mjs waits for.
started.then(() => performance.mark('playground:runnable'));
