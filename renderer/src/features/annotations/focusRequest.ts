// "Show this highlight": a link back from a notebook quote opens the paper through the app's usual
// openPaper(id); the paper pane then takes the request and brings the highlight into view.
let pending: string | null = null;

export function requestHighlightFocus(id: string): void {
  pending = id;
}

/** The highlight to show, if it is one of `ids` (the request is used up then). */
export function takeHighlightFocus(ids: readonly string[]): string | null {
  if (pending === null || !ids.includes(pending)) return null;
  const id = pending;
  pending = null;
  return id;
}
