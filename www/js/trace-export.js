// Exports of a run's timeline: its spans as Trace Event Format JSON, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open (one thread per lane, one complete event "X"
// per span), and its picture as PNG, for slides and notes.

/** `spans` in epoch ms; times in the file are µs since `origin`. */
export function toTraceEvents(spans, origin, processName = 'Async & Parallel Playground') {
  const lanes = [...new Set(spans.map((span) => span.lane))];
  const tid = new Map(lanes.map((lane, index) => [lane, index + 1]));
  const metadata = [
    { ph: 'M', name: 'process_name', pid: 1, tid: 0, args: { name: processName } },
    ...lanes.map((lane) => ({ ph: 'M', name: 'thread_name', pid: 1, tid: tid.get(lane), args: { name: lane } })),
    ...lanes.map((lane) => ({
      ph: 'M', name: 'thread_sort_index', pid: 1, tid: tid.get(lane), args: { sort_index: tid.get(lane) },
    })),
  ];
  const events = spans.map((span) => ({
    ph: 'X',
    name: span.label || span.state,
    cat: span.state,
    pid: 1,
    tid: tid.get(span.lane),
    ts: Math.round((span.start - origin) * 1000),
    dur: Math.max(0, Math.round((span.end - span.start) * 1000)),
    args: { state: span.state },
  }));
  return { displayTimeUnit: 'ms', traceEvents: [...metadata, ...events] };
}

/** Offers the trace as a file download. */
export function downloadTrace(spans, origin, fileName) {
  const json = JSON.stringify(toTraceEvents(spans, origin));
  download(new Blob([json], { type: 'application/json' }), fileName);
}

/** Offers the timeline `<pg-timeline>` as drawn, as a PNG download. */
export async function downloadImage(timeline, fileName) {
  download(await timeline.toPng(), fileName);
}

function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
