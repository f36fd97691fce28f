// The LLM form's model fields: provider switch, then a server's URL, model and embedding model, or
// the id of a transformers.js model; and the timeout.
import type { ReactNode } from 'react';
import type { LlmSettings } from '@shared/api/tagging-contract';

const EXAMPLE_URLS = [
  'http://127.0.0.1:11434/v1 (Ollama)',
  'http://127.0.0.1:1234/v1 (LM Studio)',
  'http://127.0.0.1:8080/v1 (llama.cpp server)',
];

type Props = {
  draft: LlmSettings;
  set(patch: Partial<LlmSettings>): void;
  /** Models the server named on the last Check, offered as completions. */
  serverModels: string[];
};

/** One labelled text field bound to a string setting. */
function Field(p: {
  label: string;
  testId: string;
  placeholder: string;
  value: string;
  onChange(v: string): void;
  list?: string;
  children?: ReactNode;
}) {
  return (
    <label className="llm-field">
      <span>{p.label}</span>
      <input
        className="tag-input"
        data-testid={p.testId}
        placeholder={p.placeholder}
        list={p.list}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.children}
    </label>
  );
}

function ProviderSwitch({ draft, set }: Props) {
  const options = [
    { provider: 'openai-compatible', label: 'Local server', testId: 'llm-provider-server' },
    { provider: 'transformers', label: 'Model in Quire', testId: 'llm-provider-transformers' },
  ] as const;
  return (
    <div className="segmented" role="radiogroup" aria-label="LLM provider">
      {options.map((o) => (
        <button
          key={o.provider}
          type="button"
          role="radio"
          aria-checked={draft.provider === o.provider}
          className={draft.provider === o.provider ? 'active' : ''}
          data-testid={o.testId}
          onClick={() => set({ provider: o.provider })}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function LlmModelFields(props: Props) {
  const { draft, set, serverModels } = props;
  return (
    <>
      <ProviderSwitch {...props} />
      {draft.provider === 'openai-compatible' ? (
        <>
          <Field
            label="Base URL"
            testId="llm-url"
            placeholder="http://127.0.0.1:11434/v1"
            value={draft.baseUrl}
            onChange={(baseUrl) => set({ baseUrl })}
          />
          <p className="muted small">Any OpenAI-compatible server: {EXAMPLE_URLS.join(', ')}.</p>
          <Field
            label="Model"
            testId="llm-model"
            placeholder="e.g. qwen2.5:1.5b-instruct"
            list="llm-server-models"
            value={draft.model}
            onChange={(model) => set({ model })}
          >
            <datalist id="llm-server-models">
              {serverModels.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </Field>
          <Field
            label="Embedding model (optional)"
            testId="llm-embedding-model"
            list="llm-server-models"
            placeholder="e.g. nomic-embed-text — then pick server:… in Models"
            value={draft.embeddingModel}
            onChange={(embeddingModel) => set({ embeddingModel })}
          />
        </>
      ) : (
        <Field
          label="Model id"
          testId="llm-local-model"
          placeholder="e.g. onnx-community/Qwen2.5-0.5B-Instruct"
          value={draft.localModel}
          onChange={(localModel) => set({ localModel })}
        />
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
    </>
  );
}
