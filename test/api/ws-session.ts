/**
 * A GraphQL over WebSocket client at the protocol's level (graphql-transport-ws), for tests
 * that need what graphql-ws's own client hides: whether the connection was acknowledged, and
 * the code and reason the server closed it with.
 */
import WebSocket from 'ws';

export interface OperationAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface Closed {
  code: number;
  reason: string;
}

export interface WsSession {
  /** True once acknowledged; false when the server closed the socket instead. */
  acknowledged: Promise<boolean>;
  closed: Promise<Closed>;
  /** Runs one operation and resolves with its first answer (next or error). */
  request(query: string, variables?: Record<string, unknown>): Promise<OperationAnswer>;
  /**
   * Starts a subscription; `received` holds its answers as they arrive, and `completed`
   * resolves when the server completes it.
   */
  subscribe(query: string): { received: OperationAnswer[]; completed: Promise<void> };
  send(raw: string | Buffer): void;
  close(): void;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

export function openSession(
  url: string,
  connectionParams?: Record<string, unknown>,
  headers?: Record<string, string>,
): WsSession {
  const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
  const waiting = new Map<string, (answer: OperationAnswer) => void>();
  const streams = new Map<string, OperationAnswer[]>();
  const completions = new Map<string, () => void>();
  let nextId = 0;
  let ack: (value: boolean) => void = () => undefined;
  const acknowledged = new Promise<boolean>((resolve) => (ack = resolve));
  const closed = new Promise<Closed>((resolve) => {
    socket.on('close', (code, reason) => {
      ack(false);
      for (const resolveAnswer of waiting.values()) {
        resolveAnswer({ errors: [{ message: `closed ${code}`, extensions: { closed: code } }] });
      }
      resolve({ code, reason: reason.toString() });
    });
  });
  // A refused socket may fail to send; the close event says what happened.
  socket.on('error', () => undefined);
  socket.on('open', () => {
    socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams ?? {} }));
  });
  socket.on('message', (data: WebSocket.RawData) => {
    // ws hands a Buffer to 'message' listeners (its default binaryType, nodebuffer).
    const text = (data as Buffer).toString('utf8');
    const message = JSON.parse(text) as { type: string; id?: string; payload?: any };
    if (message.type === 'connection_ack') ack(true);
    if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    const id = message.id ?? '';
    if (message.type === 'next' || message.type === 'error') {
      const answer: OperationAnswer =
        message.type === 'error' ? { errors: message.payload } : message.payload;
      streams.get(id)?.push(answer);
      waiting.get(id)?.(answer);
      waiting.delete(id);
    }
    if (message.type === 'complete') completions.get(id)?.();
  });
  const start = (query: string, variables?: Record<string, unknown>): string => {
    const id = String(++nextId);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    return id;
  };
  return {
    acknowledged,
    closed,
    async request(query, variables) {
      if (!(await acknowledged)) throw new Error('the connection was not acknowledged');
      return new Promise<OperationAnswer>((resolve) => {
        const id = start(query, variables);
        waiting.set(id, resolve);
      });
    },
    subscribe(query) {
      const received: OperationAnswer[] = [];
      let complete: () => void = () => undefined;
      const completed = new Promise<void>((resolve) => (complete = resolve));
      void acknowledged.then((ok) => {
        if (!ok) return;
        const id = start(query);
        streams.set(id, received);
        completions.set(id, complete);
      });
      return { received, completed };
    },
    send(raw) {
      socket.send(raw);
    },
    close() {
      socket.close();
    },
  };
}

/** Resolves with `promise`'s value, or with `fallback` after `ms`. */
export async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
