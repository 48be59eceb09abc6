/**
 * /readyz's model check: lists models on the configured endpoint (OpenAI-compatible `/models`, or Azure's
 * `/openai/models`), cached briefly so probes do not hammer it. Archie answers offline when the model is
 * down, so the check is informative, not critical: an unreachable model never takes a replica out of
 * the load balancer.
 */
import type { LlmConfig } from '../../config/config-schema.js';
import type { ReadinessCheck } from '../../server/create-http-app.js';

export interface ModelReadinessOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  cacheMs?: number;
  now?: () => number;
}

function probe(llm: LlmConfig): { url: string; headers: Record<string, string> } {
  if (llm.provider === 'azure') {
    const endpoint = (llm.endpoint ?? `https://${llm.instanceName}.openai.azure.com`).replace(/\/+$/, '');
    return { url: `${endpoint}/openai/models?api-version=${llm.apiVersion}`, headers: { 'api-key': llm.apiKey } };
  }
  const base = (llm.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  return { url: `${base}/models`, headers: { authorization: `Bearer ${llm.apiKey}` } };
}

export function createModelReadiness(llm: LlmConfig, options: ModelReadinessOptions = {}): ReadinessCheck {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 30_000;
  let last: { at: number; result: { ok: boolean; detail?: string } } | undefined;
  return {
    name: 'model',
    critical: false,
    check: async () => {
      if (last && now() - last.at < cacheMs) return last.result;
      const { url, headers } = probe(llm);
      let result: { ok: boolean; detail?: string };
      try {
        const res = await doFetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 2_000) });
        await res.arrayBuffer().catch(() => undefined);
        result = res.ok
          ? { ok: true }
          : { ok: false, detail: `model endpoint answered HTTP ${res.status}; answering with the offline engine` };
      } catch {
        result = { ok: false, detail: 'model endpoint unreachable; answering with the offline engine' };
      }
      last = { at: now(), result };
      return result;
    },
  };
}
