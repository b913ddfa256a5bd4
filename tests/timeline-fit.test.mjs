// Lane names cut to fit the timeline's label column (www/js/timeline/fit.js), in Node:
// a context whose every character is 7 px wide stands in for the canvas.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMiddle } from '../www/js/timeline/fit.js';

const context = { measureText: (text) => ({ width: [...text].length * 7 }) };

test('a name that fits is left whole', () => {
  assert.equal(fitMiddle(context, 'main', 28), 'main');
});

test('names that differ only at their ends stay apart when cut', () => {
  const names = ['makerandom(0)', 'makerandom(1)', 'makerandom(2)'];
  const cut = names.map((name) => fitMiddle(context, name, 63));
  assert.deepEqual(cut, ['make…m(0)', 'make…m(1)', 'make…m(2)']);
  const gathered = ['gathered · count() #1', 'gathered · count() #12'].map((name) => fitMiddle(context, name, 84));
  assert.equal(new Set(gathered).size, 2, gathered.join(' / '));
  for (const text of [...cut, ...gathered]) assert.ok(context.measureText(text).width <= 84);
});

test('each cut is the longest that fits', () => {
  for (let width = 7; width < 100; width += 7) {
    const text = fitMiddle(context, 'one after another · count() #3', width);
    assert.ok(context.measureText(text).width <= width, `${text} in ${width}`);
    assert.ok(context.measureText(text).width > width - 14, `${text} in ${width}: could keep more`);
  }
});
