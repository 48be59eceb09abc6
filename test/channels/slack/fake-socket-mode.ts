/** A fake Slack Socket Mode server (ws on 127.0.0.1): says hello, sends envelopes, records acks. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeSocketMode {
  url: string;
  connected: Promise<void>;
  /** Sends an `events_api` envelope; resolves with the client's ack and how long it took. */
  sendEvent(
    payload: object,
    options?: { retryAttempt?: number },
  ): Promise<{ ack: Record<string, unknown>; ms: number }>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  let socket: WebSocket | undefined;
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const pending = new Map<string, (ack: Record<string, unknown>) => void>();
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string };
      if (message.envelope_id) pending.get(message.envelope_id)?.(message);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0ARCHIE' } }));
    onConnected();
  });
  let seq = 0;
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=test`,
    connected,
    sendEvent: (payload, options = {}) => {
      const envelopeId = `env-${++seq}`;
      const started = Date.now();
      const acked = new Promise<{ ack: Record<string, unknown>; ms: number }>((resolve) =>
        pending.set(envelopeId, (ack) => resolve({ ack, ms: Date.now() - started })),
      );
      socket?.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type: 'events_api',
          accepts_response_payload: false,
          retry_attempt: options.retryAttempt ?? 0,
          retry_reason: options.retryAttempt ? 'timeout' : '',
        }),
      );
      return acked;
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
