// The two DOM helpers every part of the page uses.

export const $ = (id) => document.getElementById(id);

/** A new element: `props` set on it (`dataset` merged into its data-*), then `children`. */
export function element(tag, { dataset = {}, ...props } = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}
