// `quire llm`: the library's local LLM provider for tag suggestions — set the OpenAI-compatible
// server (URL, model, embedding model, timeout; a server off this machine needs --allow-remote),
// show the settings, and check that the server answers.
import { Command, InvalidArgumentError } from 'commander';
import { QuireError } from '@shared/api/errors';
import type { LlmSettings } from '@shared/api/tagging-contract';
import { action, withApi, type Io } from './context';
import type { Connect } from './models-command';

const defaultConnect: Connect = (cmd, fn) => withApi(cmd, 'cli', (api, _s, opts) => fn(api, opts));

function seconds(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 600)
    throw new InvalidArgumentError('the timeout is a whole number of seconds from 1 to 600.');
  return n;
}

export function formatLlmSettings(s: LlmSettings): string {
  const rows: [string, string][] = [
    ['provider', s.provider],
    ['server', s.baseUrl || '(none; quire llm set --url URL --model NAME)'],
    ['model', s.model || '(none)'],
    [
      'embedding model',
      s.embeddingModel ? `${s.embeddingModel} (as server:${s.embeddingModel})` : '(none)',
    ],
    ['remote allowed', s.allowRemote ? 'yes (requests may leave this machine)' : 'no'],
    ['timeout', `${s.timeoutSeconds} s`],
  ];
  if (s.provider === 'transformers' || s.localModel)
    rows.push(['local model', s.localModel || '(none)']);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n';
}

type SetOptions = {
  url?: string;
  model?: string;
  embeddingModel?: string;
  allowRemote?: boolean;
  timeout?: number;
  provider?: LlmSettings['provider'];
  localModel?: string;
};

export function llmCommand(io: Io, connect: Connect = defaultConnect): Command {
  const llm = new Command('llm').description(
    'the local LLM that suggests tags: an OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM) or a transformers.js model',
  );

  llm
    .command('set')
    .description('set the LLM server and model (only the options given change)')
    .option('--url <url>', 'server base URL, e.g. http://127.0.0.1:11434/v1 (Ollama)')
    .option('--model <name>', 'chat model on the server, e.g. qwen2.5:3b')
    .option('--embedding-model <name>', 'embedding model on the server, usable as server:<name>')
    .option(
      '--allow-remote',
      'allow a server that is not on this machine (paper texts are sent to it)',
    )
    .option('--no-allow-remote', 'allow only servers on this machine')
    .option('--timeout <seconds>', 'seconds before a request is abandoned (1-600)', seconds)
    .option('--provider <name>', 'openai-compatible (the server) or transformers (a local model)')
    .option('--local-model <id>', 'model manager id of a transformers.js text-generation model')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command) {
        const o = this.opts<SetOptions>();
        if (
          o.provider !== undefined &&
          o.provider !== 'openai-compatible' &&
          o.provider !== 'transformers'
        )
          throw new QuireError(
            'invalid_input',
            `--provider is openai-compatible or transformers, not "${o.provider}".`,
          );
        const patch = {
          baseUrl: o.url,
          model: o.model,
          embeddingModel: o.embeddingModel,
          // commander sets allowRemote true/false only when one of the two flags is given
          allowRemote:
            this.getOptionValueSource('allowRemote') === 'cli' ? o.allowRemote : undefined,
          timeoutSeconds: o.timeout,
          provider: o.provider,
          localModel: o.localModel,
        };
        const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        if (Object.keys(given).length === 0)
          throw new QuireError(
            'invalid_input',
            'Nothing to set: give --url, --model, --embedding-model, --timeout… (see quire llm set --help).',
          );
        await connect(this, async (api, opts) => {
          const s = await api.call('llm:set', given);
          io.out(opts.json ? JSON.stringify(s, null, 2) + '\n' : formatLlmSettings(s));
        });
      }),
    );

  llm
    .command('show')
    .description('show the LLM settings of the library')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command) {
        await connect(this, async (api, opts) => {
          const s = await api.call('llm:get', {});
          io.out(opts.json ? JSON.stringify(s, null, 2) + '\n' : formatLlmSettings(s));
        });
      }),
    );

  llm
    .command('check')
    .description('ask the server for its models: proves it is reachable and has the model')
    .option('--json', 'print machine-readable JSON')
    .action(
      action(io, async function (this: Command) {
        await connect(this, async (api, opts) => {
          const r = await api.call('llm:check', {});
          if (opts.json) io.out(JSON.stringify(r, null, 2) + '\n');
          else if (r.ok) io.out(`${r.message}\n`);
          if (!r.ok) throw new QuireError('unavailable', r.message);
        });
      }),
    );

  return llm;
}
