// Settings → Tagging / LLM: which local model the LLM tagger uses (a server on this machine or a
// transformers.js model), Check, and an explicit consent before requests may leave the machine.
import type { FormEvent, ReactNode } from 'react';
import { LlmModelFields } from './LlmModelFields';
import { RemoteConsent } from './RemoteConsent';
import { isLocalUrl } from './format';
import { useLlmSettings, type Check } from './useLlmSettings';
import './tagging.css';

function Shell({ children }: { children: ReactNode }) {
  return (
    <section className="card" data-testid="llm-settings">
      <h2>Tagging · LLM</h2>
      {children}
    </section>
  );
}

function CheckResult({ check }: { check: Check }) {
  return (
    <p
      className={check.ok ? 'llm-check-ok' : 'field-error'}
      role="status"
      data-testid="llm-check-result"
    >
      {check.message}
      {check.ok &&
        check.models.length > 0 &&
        ` Models: ${check.models.slice(0, 8).join(', ')}${check.models.length > 8 ? '…' : ''}`}
    </p>
  );
}

export function LlmSettingsPanel() {
  const s = useLlmSettings();
  const { draft, saved, check } = s;

  if (s.loadError) {
    return (
      <Shell>
        <p className="field-error" role="alert">
          {s.loadError}
        </p>
      </Shell>
    );
  }
  if (!draft || !saved) {
    return (
      <Shell>
        <p className="muted">Loading…</p>
      </Shell>
    );
  }

  const remote = draft.provider === 'openai-compatible' && !isLocalUrl(draft.baseUrl);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const urlChanged = draft.baseUrl.trim() !== saved.baseUrl.trim();
    // A new remote URL needs a new yes, even if an earlier remote server was allowed.
    if (remote && (!saved.allowRemote || urlChanged)) s.setConfirmRemote(true);
    else void s.store(draft, remote);
  };
  const timeoutValid =
    Number.isInteger(draft.timeoutSeconds) &&
    draft.timeoutSeconds >= 1 &&
    draft.timeoutSeconds <= 600;

  return (
    <section className="card llm-settings" data-testid="llm-settings">
      <h2>Tagging · LLM</h2>
      <p className="muted small">
        The LLM tagger asks a generative model which tags of your vocabulary fit each paper. The
        zero-shot and neighbours taggers need none of this.
      </p>
      <form onSubmit={submit} className="llm-form">
        <LlmModelFields draft={draft} set={s.set} serverModels={check?.models ?? []} />
        {!timeoutValid && (
          <p className="field-error" role="alert">
            The timeout is a whole number of seconds from 1 to 600.
          </p>
        )}
        <RemoteConsent
          draft={draft}
          saved={saved}
          remote={remote}
          confirming={s.confirmRemote}
          busy={s.busy}
          onAllow={() => void s.store(draft, true)}
          onCancel={() => s.setConfirmRemote(false)}
        />
        <div className="llm-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="llm-save"
            disabled={s.busy || !dirty || !timeoutValid || s.confirmRemote}
          >
            Save
          </button>
          <button
            type="button"
            className="button"
            data-testid="llm-check"
            disabled={s.checking || dirty}
            title={
              dirty ? 'Save first: Check tries the saved settings' : 'Ask the server for its models'
            }
            onClick={() => void s.runCheck()}
          >
            {s.checking ? 'Checking…' : 'Check'}
          </button>
          {s.notice && <span className="muted small">{s.notice}</span>}
        </div>
        {s.error && (
          <p className="field-error" role="alert">
            {s.error}
          </p>
        )}
        {check && <CheckResult check={check} />}
      </form>
    </section>
  );
}
