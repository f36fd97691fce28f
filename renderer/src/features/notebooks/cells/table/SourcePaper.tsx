// The paper a table's numbers come from: its title as a link, remove, or a picker to choose one.
import { useEffect, useState } from 'react';
import type { Paper } from '@shared/api/schemas';
import { useApi } from '../../../../apiContext';
import { TexText } from '../../../../components/TexText';
import { PaperPicker } from '../../PaperSuggest';

type Props = {
  id: string | undefined;
  onChange(id: string | undefined): void;
  openPaper(id: string): void;
};

export function SourcePaper({ id, onChange, openPaper }: Props) {
  const api = useApi();
  const [title, setTitle] = useState<{ id: string; title: string } | null>(null);
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    if (!id) return;
    let live = true;
    api.call('library:get', { id }).then(
      (p) => live && setTitle({ id, title: p.title }),
      () => live && setTitle({ id, title: `${id} (not in this library)` }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  if (picking)
    return (
      <div className="nb-table-source">
        <span className="muted small">Source:</span>
        <PaperPicker
          autoFocus
          testId="table-source-picker"
          onPick={(p: Paper) => {
            setPicking(false);
            onChange(p.id);
          }}
        />
        <button type="button" className="button small" onClick={() => setPicking(false)}>
          Cancel
        </button>
      </div>
    );
  return (
    <div className="nb-table-source small">
      {id ? (
        <>
          <span className="muted">Source:</span>
          <button type="button" className="link-button" onClick={() => openPaper(id)}>
            {title?.id === id ? <TexText text={title.title} /> : id}
          </button>
          <button type="button" className="link-button muted" onClick={() => onChange(undefined)}>
            remove
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => setPicking(true)}>
          + Source paper
        </button>
      )}
    </div>
  );
}
