// The LLM settings form's state: the saved settings and the draft, saving (with or without consent
// to a remote server), and Check against the saved settings.
import { useEffect, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';

export type Check = { ok: boolean; models: string[]; message: string };

export function useLlmSettings() {
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

  const set = (patch: Partial<LlmSettings>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setNotice(null);
    setConfirmRemote(false);
  };

  const store = async (d: LlmSettings, allowRemote: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('llm:set', {
        provider: d.provider,
        baseUrl: d.baseUrl.trim(),
        model: d.model.trim(),
        timeoutSeconds: d.timeoutSeconds,
        localModel: d.localModel.trim(),
        embeddingModel: d.embeddingModel.trim(),
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

  return {
    ...{ saved, draft, loadError, error, notice, confirmRemote, busy, check, checking },
    set,
    store,
    runCheck,
    setConfirmRemote,
  };
}
