// A worker whose turn fails with the engine's own error (reported as data, as turn-worker.ts does).
export default function reject() {
  return { ok: false, error: { code: 'bad_input', userMessage: 'That message could not be read.', message: 'bad' } };
}
