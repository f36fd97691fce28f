// Settings → Tagging / LLM: which local model the LLM tagger uses (a server on this machine or a
// transformers.js model), Check, and an explicit consent before requests may leave the machine.
import { useEffect, useState, type FormEvent } from 'react';
import type { LlmSettings } from '../../../../shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { errorMessage } from '../../../../shared/api/errors';
import { hostOf, isLocalUrl } from './format';
import './tagging.css';

type Check = { ok: boolean; models: string[]; message: string };

const EXAMPLE_URLS = [
  'http://127.0.0.1:11434/v1 (Ollama)',
  'http://127.0.0.1:1234/v1 (LM Studio)',
  'http://127.0.0.1:8080/v1 (llama.cpp server)',
];

export function LlmSettingsPanel() {
  const api = useApi();
  const [saved, setSaved] = useState<LlmSettings | null>(null);
  const [draft, setDraft] = useState<LlmSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmRemote, setConfirmRemote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('llm:get', {}).then(
      (s) => {
        if (!live) return;
        setSaved(s);
        setDraft(s);
      },
      (err: unknown) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (loadError) {
    return (
      <section className="card" data-testid="llm-settings">
        <h2>Tagging · LLM</h2>
        <p className="field-error" role="alert">
          {loadError}
        </p>
      </section>
    );
  }
  if (!draft || !saved) {
    return (
      <section className="card" data-testid="llm-settings">
        <h2>Tagging · LLM</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }

  const remote = draft.provider === 'openai-compatible' && !isLocalUrl(draft.baseUrl);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = (patch: Partial<LlmSettings>) => {
    setDraft({ ...draft, ...patch });
    setNotice(null);
    setConfirmRemote(false);
  };

  const store = async (allowRemote: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('llm:set', {
        provider: draft.provider,
        baseUrl: draft.baseUrl.trim(),
        model: draft.model.trim(),
        timeoutSeconds: draft.timeoutSeconds,
        localModel: draft.localModel.trim(),
        embeddingModel: draft.embeddingModel.trim(),
        // Consent is for one remote server: a local URL needs none, so it is withdrawn.
        allowRemote,
      });
      setSaved(next);
      setDraft(next);
      setConfirmRemote(false);
      setNotice('Saved.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const urlChanged = draft.baseUrl.trim() !== saved.baseUrl.trim();
    // A new remote URL needs a new yes, even if an earlier remote server was allowed.
    if (remote && (!saved.allowRemote || urlChanged)) setConfirmRemote(true);
    else void store(remote);
  };

  const runCheck = async () => {
    setChecking(true);
    setCheck(null);
    try {
      setCheck(await api.call('llm:check', {}));
    } catch (err) {
      setCheck({ ok: false, models: [], message: errorMessage(err) });
    } finally {
      setChecking(false);
    }
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
        <div className="segmented" role="radiogroup" aria-label="LLM provider">
          <button
            type="button"
            role="radio"
            aria-checked={draft.provider === 'openai-compatible'}
            className={draft.provider === 'openai-compatible' ? 'active' : ''}
            data-testid="llm-provider-server"
            onClick={() => set({ provider: 'openai-compatible' })}
          >
            Local server
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={draft.provider === 'transformers'}
            className={draft.provider === 'transformers' ? 'active' : ''}
            data-testid="llm-provider-transformers"
            onClick={() => set({ provider: 'transformers' })}
          >
            Model in Quire
          </button>
        </div>
        {draft.provider === 'openai-compatible' ? (
          <>
            <label className="llm-field">
              <span>Base URL</span>
              <input
                className="tag-input"
                data-testid="llm-url"
                placeholder="http://127.0.0.1:11434/v1"
                value={draft.baseUrl}
                onChange={(e) => set({ baseUrl: e.target.value })}
              />
            </label>
            <p className="muted small">Any OpenAI-compatible server: {EXAMPLE_URLS.join(', ')}.</p>
            <label className="llm-field">
              <span>Model</span>
              <input
                className="tag-input"
                data-testid="llm-model"
                placeholder="e.g. qwen2.5:1.5b-instruct"
                list="llm-server-models"
                value={draft.model}
                onChange={(e) => set({ model: e.target.value })}
              />
              <datalist id="llm-server-models">
                {(check?.models ?? []).map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </label>
            <label className="llm-field">
              <span>Embedding model (optional)</span>
              <input
                className="tag-input"
                data-testid="llm-embedding-model"
                list="llm-server-models"
                placeholder="e.g. nomic-embed-text — then pick server:… in Models"
                value={draft.embeddingModel}
                onChange={(e) => set({ embeddingModel: e.target.value })}
              />
            </label>
          </>
        ) : (
          <label className="llm-field">
            <span>Model id</span>
            <input
              className="tag-input"
              data-testid="llm-local-model"
              placeholder="e.g. onnx-community/Qwen2.5-0.5B-Instruct"
              value={draft.localModel}
              onChange={(e) => set({ localModel: e.target.value })}
            />
          </label>
        )}
        <label className="llm-field">
          <span>Timeout (s)</span>
          <input
            type="number"
            className="tag-input llm-timeout"
            data-testid="llm-timeout"
            min={1}
            max={600}
            step={1}
            value={Number.isFinite(draft.timeoutSeconds) ? draft.timeoutSeconds : ''}
            onChange={(e) => set({ timeoutSeconds: Number.parseInt(e.target.value, 10) })}
          />
        </label>
        {!timeoutValid && (
          <p className="field-error" role="alert">
            The timeout is a whole number of seconds from 1 to 600.
          </p>
        )}
        {remote && !confirmRemote && (
          <p className="llm-remote-note" data-testid="llm-remote-note">
            {saved.allowRemote && draft.baseUrl.trim() === saved.baseUrl.trim()
              ? `Allowed: titles and abstracts are sent to ${hostOf(draft.baseUrl)}, which is not this machine.`
              : `${hostOf(draft.baseUrl)} is not this machine: saving will ask you to confirm.`}
          </p>
        )}
        {confirmRemote && (
          <div
            className="llm-confirm"
            role="alertdialog"
            aria-label="Allow a remote server"
            data-testid="llm-remote-confirm"
          >
            <p>
              <strong>{hostOf(draft.baseUrl)}</strong> is not on this machine. When the LLM tagger
              runs, the titles and abstracts of your papers and your tag descriptions will be sent
              there: they leave this computer. Everything else in Quire stays offline.
            </p>
            <div className="llm-actions">
              <button
                type="button"
                className="button danger"
                data-testid="llm-remote-allow"
                disabled={busy}
                onClick={() => void store(true)}
              >
                Allow and save
              </button>
              <button type="button" className="button" onClick={() => setConfirmRemote(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <div className="llm-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="llm-save"
            disabled={busy || !dirty || !timeoutValid || confirmRemote}
          >
            Save
          </button>
          <button
            type="button"
            className="button"
            data-testid="llm-check"
            disabled={checking || dirty}
            title={
              dirty ? 'Save first: Check tries the saved settings' : 'Ask the server for its models'
            }
            onClick={() => void runCheck()}
          >
            {checking ? 'Checking…' : 'Check'}
          </button>
          {notice && <span className="muted small">{notice}</span>}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {check && (
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
        )}
      </form>
    </section>
  );
}
