// Maps between DOM positions inside an annotatable text and offsets in its source text. Every piece
// is rendered as a leaf `span[data-s][data-e]` holding one text node (or, for a formula or `\$`,
// KaTeX's markup with `data-atom`), so a text position is its leaf's start plus the offset in it and
// a position anywhere inside a formula widens to the formula's edge.

const LEAF = 'span[data-s]';

function bounds(leaf: Element): [number, number] {
  return [Number(leaf.getAttribute('data-s')), Number(leaf.getAttribute('data-e'))];
}

function leafOf(root: Element, node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const leaf = el?.closest(LEAF) ?? null;
  return leaf && root.contains(leaf) ? leaf : null;
}

/**
 * The source offset of the DOM point (node, offset) in `root`. `edge` says which side of an atom a
 * point inside it takes: a selection's start takes the formula's start, its end the formula's end.
 */
export function sourceOffset(
  root: Element,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  if (!root.contains(node)) return null;
  const leaf = leafOf(root, node);
  if (leaf) {
    const [s, e] = bounds(leaf);
    if (leaf.hasAttribute('data-atom')) return edge === 'start' ? s : e;
    if (node.nodeType === Node.TEXT_NODE) return Math.min(e, s + offset);
    // A point in the leaf element itself: before or after its single text node.
    return offset === 0 ? s : e;
  }
  // A point between leaves (in a mark or the root): the next leaf's start, else the last leaf's end.
  const point = document.createRange();
  point.setStart(node, offset);
  const leaves = [...root.querySelectorAll(LEAF)];
  for (const l of leaves) {
    const r = document.createRange();
    r.selectNode(l);
    if (r.compareBoundaryPoints(Range.START_TO_START, point) >= 0) return bounds(l)[0];
  }
  const last = leaves.at(-1);
  return last ? bounds(last)[1] : 0;
}

/** The source range [start, end) a DOM range covers inside `root`, or null when it is outside. */
export function sourceRange(root: Element, range: Range): [number, number] | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const a = sourceOffset(root, range.startContainer, range.startOffset, 'start');
  const b = sourceOffset(root, range.endContainer, range.endOffset, 'end');
  if (a === null || b === null) return null;
  return a <= b ? [a, b] : [b, a];
}

/** The DOM point for source offset `at`: inside a text leaf when one holds it, else beside an atom. */
export function domPoint(root: Element, at: number): { node: Node; offset: number } | null {
  const leaves = [...root.querySelectorAll(LEAF)];
  for (const l of leaves) {
    const [s, e] = bounds(l);
    if (at < s || at > e || l.hasAttribute('data-atom')) continue;
    const t = l.firstChild;
    if (t && t.nodeType === Node.TEXT_NODE) return { node: t, offset: at - s };
  }
  for (const l of leaves) {
    const [s, e] = bounds(l);
    const parent = l.parentNode;
    if (!parent) continue;
    const i = Array.prototype.indexOf.call(parent.childNodes, l) as number;
    if (at === s) return { node: parent, offset: i };
    if (at === e) return { node: parent, offset: i + 1 };
  }
  return null;
}

/** Shows the source range [anchor, focus] as the document's selection (focus may be before anchor). */
export function selectSource(root: Element, anchor: number, focus: number): void {
  const a = domPoint(root, anchor);
  const f = domPoint(root, focus);
  const sel = root.ownerDocument.getSelection();
  if (!a || !f || !sel) return;
  sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}
