// The vocabulary grid: one row per tag (chip, description, counts, Edit / Merge… / Delete), the
// row being edited shown as a form in place.
import type { Ref } from 'react';
import type { TagInfo } from '@shared/api/tagging-contract';
import { TagChip } from './TagChip';
import { TagForm, type TagDraft } from './TagForm';

type Props = {
  listRef: Ref<HTMLDivElement>;
  tags: TagInfo[];
  cur: number;
  editing: string | null;
  setCursor(i: number): void;
  setEditing(name: string | null): void;
  onSave(t: TagInfo, d: TagDraft): Promise<void>;
  onCancelEdit(): void;
  onMerge(t: TagInfo): void;
  onRemove(t: TagInfo): void;
};

export function VocabList({ listRef, tags, cur, editing, ...p }: Props) {
  return (
    <div
      ref={listRef}
      className="vocab-list"
      role="grid"
      aria-label="Tags"
      tabIndex={0}
      data-testid="vocab-list"
    >
      <div className="vocab-row vocab-head" role="row">
        <span role="columnheader">Tag</span>
        <span role="columnheader">Description</span>
        <span role="columnheader" className="num">
          Papers
        </span>
        <span role="columnheader" className="num">
          Pending
        </span>
        <span role="columnheader" aria-label="Actions" />
      </div>
      {tags.map((t, i) =>
        editing === t.name ? (
          <div key={t.name} className="vocab-row editing" role="row">
            <TagForm
              testId="tag-edit"
              submitLabel="Save"
              autoFocus
              initial={{ name: t.name, description: t.description, color: t.color }}
              onSubmit={(d) => p.onSave(t, d)}
              onCancel={p.onCancelEdit}
            />
          </div>
        ) : (
          <div
            key={t.name}
            role="row"
            aria-selected={i === cur}
            className={`vocab-row ${i === cur ? 'selected' : ''}`}
            data-testid="vocab-row"
            data-tag={t.name}
            onClick={() => p.setCursor(i)}
          >
            <span role="gridcell">
              <TagChip name={t.name} color={t.color} />
            </span>
            <span role="gridcell" className={t.description ? '' : 'muted'}>
              {t.description || 'No description: suggestions use the name only'}
            </span>
            <span role="gridcell" className="num" data-testid="vocab-papers">
              {t.paperCount.toLocaleString()}
            </span>
            <span role="gridcell" className="num" data-testid="vocab-pending">
              {t.pendingCount.toLocaleString()}
            </span>
            <span role="gridcell" className="vocab-actions">
              <button type="button" className="button small" onClick={() => p.setEditing(t.name)}>
                Edit
              </button>
              <button
                type="button"
                className="button small"
                disabled={tags.length < 2}
                onClick={() => p.onMerge(t)}
              >
                Merge…
              </button>
              <button
                type="button"
                className="button small danger"
                data-testid="vocab-delete"
                aria-label={`Delete tag ${t.name}`}
                onClick={() => p.onRemove(t)}
              >
                Delete
              </button>
            </span>
          </div>
        ),
      )}
    </div>
  );
}
