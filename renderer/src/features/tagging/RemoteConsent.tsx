// Consent before the LLM tagger may send papers off this machine: a note while the URL is remote,
// and the confirmation that saving asks for.
import type { LlmSettings } from '@shared/api/tagging-contract';
import { hostOf } from './format';

type Props = {
  draft: LlmSettings;
  saved: LlmSettings;
  remote: boolean;
  confirming: boolean;
  busy: boolean;
  onAllow(): void;
  onCancel(): void;
};

export function RemoteConsent({
  draft,
  saved,
  remote,
  confirming,
  busy,
  onAllow,
  onCancel,
}: Props) {
  if (remote && !confirming)
    return (
      <p className="llm-remote-note" data-testid="llm-remote-note">
        {saved.allowRemote && draft.baseUrl.trim() === saved.baseUrl.trim()
          ? `Allowed: titles and abstracts are sent to ${hostOf(draft.baseUrl)}, which is not this machine.`
          : `${hostOf(draft.baseUrl)} is not this machine: saving will ask you to confirm.`}
      </p>
    );
  if (!confirming) return null;
  return (
    <div
      className="llm-confirm"
      role="alertdialog"
      aria-label="Allow a remote server"
      data-testid="llm-remote-confirm"
    >
      <p>
        <strong>{hostOf(draft.baseUrl)}</strong> is not on this machine. When the LLM tagger runs,
        the titles and abstracts of your papers and your tag descriptions will be sent there: they
        leave this computer. Everything else in Quire stays offline.
      </p>
      <div className="llm-actions">
        <button
          type="button"
          className="button danger"
          data-testid="llm-remote-allow"
          disabled={busy}
          onClick={onAllow}
        >
          Allow and save
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
