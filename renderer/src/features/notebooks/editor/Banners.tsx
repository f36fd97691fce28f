// The banners under the notebook bar: a save conflict (reload theirs or overwrite with mine), a
// failed save (try again), and a run or export notice the user can dismiss.
import { Icon } from '../../../components/Icon';

type Props = {
  conflict: number | null;
  saveError: string | null;
  notice: string | null;
  onReload(): void;
  keepMine(): void;
  retrySave(): void;
  dismissNotice(): void;
};

export function Banners({
  conflict,
  saveError,
  notice,
  onReload,
  keepMine,
  retrySave,
  dismissNotice,
}: Props) {
  return (
    <>
      {conflict !== null && (
        <div className="banner banner-error nb-banner" data-testid="save-conflict" role="alert">
          <span>
            This notebook was changed elsewhere (another window?) since it was opened here. Your
            latest edits are not saved.
          </span>
          <span className="toolbar-spacer" />
          <button type="button" className="button small" onClick={onReload}>
            Reload theirs
          </button>
          <button type="button" className="button small danger" onClick={keepMine}>
            Overwrite with mine
          </button>
        </div>
      )}
      {saveError && conflict === null && (
        <div className="banner banner-error nb-banner" role="alert">
          Could not save: {saveError}
          <span className="toolbar-spacer" />
          <button type="button" className="button small" onClick={retrySave}>
            Try again
          </button>
        </div>
      )}
      {notice && (
        <div className="banner nb-notice nb-banner" data-testid="run-notice" role="status">
          {notice}
          <span className="toolbar-spacer" />
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={dismissNotice}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </>
  );
}
