// The code panes' tokenizer (www/js/highlight.js), run in Node on the very files the page
// shows: it must give back every character, and find what a reader expects it to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './support/harness.mjs';
import { languageOf, tokenize } from '../www/js/highlight.js';

const kinds = (code, language) => tokenize(code, language)
  .filter((token) => token.kind !== 'plain').map(({ kind, text }) => `${kind} ${text}`);

test('every source the page shows comes back whole', async () => {
  const folders = ['crate/src/demos', 'www/python'];
  let files = 0;
  for (const folder of folders) {
    for (const name of await readdir(path.join(ROOT, folder))) {
      const language = languageOf(name);
      if (!language) continue;
      const code = await readFile(path.join(ROOT, folder, name), 'utf8');
      const tokens = tokenize(code, language);
      assert.equal(tokens.map((t) => t.text).join(''), code, name);
      assert.ok(tokens.some((t) => t.kind === 'keyword'), `${name} has keywords`);
      files++;
    }
  }
  assert.ok(files >= 15, `${files} files`);
});

test('Rust: comments, strings, chars, lifetimes, macros, attributes', () => {
  assert.deepEqual(kinds(`#[test]\nfn f<'a>(s: &'a str) -> u32 { println!("// {}", 'x'); 0x1F } // end`, 'rust'), [
    'attribute #[test]', 'keyword fn', "lifetime 'a", "lifetime 'a", 'macro println!',
    'string "// {}"', "string 'x'", 'number 0x1F', 'comment // end',
  ]);
  assert.deepEqual(kinds('let r = r#"a "quoted" b"#; /* x\n y */ 1_000u64', 'rust'), [
    'keyword let', 'string r#"a "quoted" b"#', 'comment /* x\n y */', 'number 1_000u64',
  ]);
  assert.deepEqual(kinds('Vec::<Span>::new()', 'rust'), ['type Vec', 'type Span']);
});

test('Python: comments, strings of every quote, keywords, decorators', () => {
  assert.deepEqual(kinds(`@app.route\ndef f(x):  # why\n    return f"{x} # no" + '''a\n'b''' if x is None else 3.5`, 'python'), [
    'attribute @app.route', 'keyword def', 'comment # why', 'keyword return', 'string f"{x} # no"',
    "string '''a\n'b'''", 'keyword if', 'keyword is', 'keyword None', 'keyword else', 'number 3.5',
  ]);
});
