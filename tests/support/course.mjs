// A course page on another host, as tests/embed.test.mjs and tests/course.test.mjs build
// them: the host, a recorder of the messages it receives, and ways to talk to the frame.

import { createServer } from 'node:http';

/** A course site on another origin that serves `pages` ({path: html}) with no headers but
 * the content type, as a plain static host would; with `cors`, readable from any origin,
 * every header included. */
export async function startCourseHost(pages, { cors = false } = {}) {
  const server = createServer((request, response) => {
    const html = pages[new URL(request.url, 'http://host').pathname];
    const corsHeaders = cors ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*' } : {};
    response.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', ...corsHeaders });
    response.end(html ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Records every message the course page receives, with the window it came from.
export const RECORDER = `<script>
  window.received = [];
  addEventListener('message', (event) => received.push({
    data: event.data, origin: event.origin,
    from: event.source === document.querySelector('iframe.playground')?.contentWindow ? 'playground' : 'other',
  }));
</script>`;

/** Posts `request` to the playground from the course page; resolves to the reply, the one
 * with the request's id (or with `options.replyId`, when the id is not one). `options.frame`
 * picks the iframe, when the page has several; `options.sandboxed`: the frame has an opaque
 * origin, which a message can only be addressed to as '*'. */
export async function ask(page, request, options = {}) {
  const replyId = 'replyId' in options ? options.replyId : request.id;
  return page.evaluate(([request, replyId, selector, sandboxed]) => new Promise((resolve) => {
    const iframe = document.querySelector(selector);
    addEventListener('message', function onReply(event) {
      if (event.source !== iframe.contentWindow || event.data?.id !== replyId) return;
      if (!['playground:hello', 'playground:result', 'playground:error', 'playground:stopped'].includes(event.data.type)) return;
      removeEventListener('message', onReply);
      resolve(event.data);
    });
    iframe.contentWindow.postMessage(request, sandboxed ? '*' : new URL(iframe.src).origin);
  }), [request, replyId, options.frame ?? 'iframe.playground', options.sandboxed]);
}

export const received = (page, type) => page.evaluate((type) => received.filter((m) => m.data?.type === type), type);

/** The helpers that open pages through `served` (servedPlayground()). */
export function courseHelpers(served) {
  /** The snippet the share panel gives for `hash`. */
  async function embedSnippet(hash) {
    const { page, context } = await served.open(hash);
    await page.click('#share');
    const snippet = await page.inputValue('#share-embed');
    await context.close();
    return snippet.replace('<iframe ', '<iframe class="playground" ');
  }

  /** Opens the course page and waits for the embedded playground to be ready. */
  async function openCoursePage(url) {
    const { page } = await served.open(url, {}, { ready: false });
    const frame = await (await page.waitForSelector('iframe.playground')).contentFrame();
    await frame.waitForSelector('html[data-ready="true"]');
    return { page, frame };
  }

  return { embedSnippet, openCoursePage };
}
