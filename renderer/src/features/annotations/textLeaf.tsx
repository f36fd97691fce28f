// One piece of an annotatable text as React nodes: its text or formula (KaTeX), wrapped in a
// search-match mark and in one highlight mark per highlight covering it (narrowest innermost).
import type { ReactNode } from 'react';
import { renderTex } from '../../components/tex';
import type { Piece } from './pieces';

export function leaf(p: Piece, colourOf: (kind: string) => string): ReactNode {
  let node: ReactNode;
  if (p.kind === 'text')
    node = (
      <span key="l" data-s={p.start} data-e={p.end}>
        {p.shown}
      </span>
    );
  else {
    const r = p.tex === null ? null : renderTex(p.tex);
    node =
      r && 'html' in r ? (
        <span
          key="l"
          data-s={p.start}
          data-e={p.end}
          data-atom=""
          className="tex-math"
          // KaTeX output for a formula only (no trust, no raw HTML): see renderTex.
          dangerouslySetInnerHTML={{ __html: r.html }}
        />
      ) : (
        <span key="l" data-s={p.start} data-e={p.end} data-atom="" className={r ? 'tex-error' : ''}>
          {p.shown}
        </span>
      );
  }
  if (p.match) node = <mark className="search-match">{node}</mark>;
  // Innermost is the shortest highlight, so where two overlap the narrower one shows on top.
  for (let i = p.paints.length - 1; i >= 0; i--) {
    const h = p.paints[i]!;
    node = (
      <mark
        className="ann-hl"
        data-annotation-id={h.id}
        data-kind={h.kind}
        style={{ ['--hl' as string]: colourOf(h.kind) }}
      >
        {node}
      </mark>
    );
  }
  return node;
}
