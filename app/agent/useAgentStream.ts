'use client';
// Listens to GET /api/agent/stream and says what to refetch: the inbox, or a conversation. The
// stream is opened again when the open conversation changes (it is named in the URL).
import { useEffect, useRef, useState } from 'react';

export type StreamState = 'connecting' | 'open' | 'reconnecting';

interface Handlers {
  onInbox(): void;
  onConversation(id: string): void;
  /** (Re)connected: anything may have changed while the stream was down. */
  onReady(): void;
}

export function useAgentStream(openConversation: string | null, handlers: Handlers): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const url = openConversation ? `/api/agent/stream?conversation=${encodeURIComponent(openConversation)}` : '/api/agent/stream';
    const source = new EventSource(url);
    source.addEventListener('ready', () => {
      setState('open');
      latest.current.onReady();
    });
    source.addEventListener('inbox', () => latest.current.onInbox());
    source.addEventListener('conversation', (event) => {
      const id = readId(event.data);
      if (id) latest.current.onConversation(id);
    });
    source.addEventListener('error', () => setState('reconnecting'));
    return () => source.close();
  }, [openConversation]);
  return state;
}

function readId(data: unknown): string | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}
