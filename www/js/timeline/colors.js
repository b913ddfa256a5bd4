// The timeline's colours as the style engine resolves them: each is read from a hidden
// "probe" element painted with it, so that any CSS colour syntax, var() and light-dark()
// included, works on the canvas, and a change of theme shows at the next frame.

export class ColorProbes {
  #box;
  #theme; // colour name → live computed style of a probe painted with it
  #lanes = new Map(); // lane name → live computed style of a probe in its colour

  /** `box`: the element holding the theme's probes, each with its colour's name in
   * data-color. */
  constructor(box) {
    this.#box = box;
    this.#theme = Object.fromEntries([...box.querySelectorAll('[data-color]')]
      .map((probe) => [probe.dataset.color, getComputedStyle(probe)]));
  }

  /** The theme's colours now, and whether to paint the background. */
  read() {
    const colors = {};
    for (const [name, style] of Object.entries(this.#theme)) colors[name] = style.color;
    // A transparent background means "the page's": nothing is painted behind the bars.
    colors.paintBg = !/^rgba\(.*,\s*0\)$|^transparent$/.test(colors.bg);
    return colors;
  }

  /** Lanes' own colours, as {lane: any CSS colour}. */
  set lanes(value) {
    this.#box.querySelectorAll('[data-lane]').forEach((probe) => probe.remove());
    this.#lanes = new Map(Object.entries(value ?? {}).map(([lane, color]) => {
      const probe = document.createElement('i');
      probe.dataset.lane = lane;
      probe.style.color = color;
      this.#box.append(probe);
      return [lane, getComputedStyle(probe)];
    }));
  }

  /** The colour of lane `name`, or undefined when it has none of its own. */
  lane(name) {
    return this.#lanes.get(name)?.color;
  }
}
