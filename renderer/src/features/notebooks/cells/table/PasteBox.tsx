// Pasting CSV or TSV into a table cell: the text box, Replace table, and what is wrong with the text.
// The text lives in the table view (usePasteText), so closing and reopening the box keeps it.
import { useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import { parseDelimited, type TableCellData } from '@shared/notebook/tables';

export type PasteText = ReturnType<typeof usePasteText>;

export function usePasteText() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return { text, setText, error, setError };
}

type Props = {
  paste: PasteText;
  /** The parsed table; the box closes after it. */
  onTable(table: Pick<TableCellData, 'columns' | 'rows'>): void;
};

export function PasteBox({ paste, onTable }: Props) {
  const usePaste = () => {
    try {
      const parsed = parseDelimited(paste.text);
      onTable({ columns: parsed.columns, rows: parsed.rows });
      paste.setText('');
      paste.setError(null);
    } catch (err) {
      paste.setError(errorMessage(err));
    }
  };
  return (
    <div className="nb-paste">
      <textarea
        className="nb-code"
        data-testid="table-paste"
        rows={5}
        value={paste.text}
        placeholder={'Paste CSV or TSV with a header row, e.g.\ncompute,loss\n1e18,3.2'}
        onChange={(e) => paste.setText(e.target.value)}
      />
      <div className="nb-paste-actions">
        <button
          type="button"
          className="button small primary"
          disabled={!paste.text.trim()}
          onClick={usePaste}
          data-testid="table-paste-apply"
        >
          Replace table
        </button>
        {paste.error && <span className="field-error">{paste.error}</span>}
      </div>
    </div>
  );
}
