'use client';
// The agent desktop: the inbox, the open conversation and the customer, kept live by the agent
// stream (it says what changed; the queries refetch). Calls that fail show as toasts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import { ConversationPane } from './ConversationPane';
import type { ComposerMode } from './Composer';
import { CustomerPanel } from './CustomerPanel';
import styles from './desk.module.css';
import { errorText, presenceName } from './deskText';
import type { Presence } from './deskTypes';
import { InboxColumn } from './InboxColumn';
import { ResolveDialog } from './ResolveDialog';
import { TransferDialog, type TransferTarget } from './TransferDialog';
import { useAgentStream } from './useAgentStream';
import { Toasts, useToasts } from './useToasts';

interface AgentDeskProps {
  locale: Locale;
  userId: string;
  initialConversation: string | null;
}

export function AgentDesk({ locale, userId, initialConversation }: AgentDeskProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [selected, setSelected] = useState<string | null>(initialConversation);
  const [dialog, setDialog] = useState<'transfer' | 'resolve' | null>(null);

  const inbox = useQuery(trpc.desk.inbox.queryOptions(undefined, { staleTime: 0 }));
  const conversation = useQuery(trpc.desk.conversation.queryOptions({ id: selected ?? '' }, { enabled: selected !== null, staleTime: 0 }));
  const notes = useQuery(trpc.desk.notes.list.queryOptions({ conversationId: selected ?? '' }, { enabled: selected !== null, staleTime: 0 }));
  const canned = useQuery(trpc.desk.canned.list.queryOptions());

  const refetchInbox = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.desk.inbox.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.routing.figures.queryKey() });
  }, [queryClient, trpc]);
  const refetchConversation = useCallback(
    (id: string) => {
      void queryClient.invalidateQueries({ queryKey: trpc.desk.conversation.queryKey({ id }) });
      void queryClient.invalidateQueries({ queryKey: trpc.desk.notes.list.queryKey({ conversationId: id }) });
    },
    [queryClient, trpc],
  );
  const stream = useAgentStream(selected, {
    onInbox: refetchInbox,
    onConversation: (id) => {
      refetchConversation(id);
      refetchInbox();
    },
    onReady: () => {
      refetchInbox();
      if (selected) refetchConversation(selected);
    },
  });

  const select = (id: string) => {
    setSelected(id);
    const url = new URL(window.location.href);
    url.searchParams.set('conversation', id);
    window.history.replaceState(null, '', url);
  };

  const fail = (error: unknown) => toasts.error(errorText(locale, error));
  const after = (message?: string) => () => {
    if (message) toasts.info(message);
    refetchInbox();
    if (selected) refetchConversation(selected);
  };
  const presence = useMutation(trpc.desk.setPresence.mutationOptions({ onSuccess: (data) => after(t(locale, 'deskPresenceSaved', { presence: presenceName(locale, data.presence) }))(), onError: fail }));
  const claim = useMutation(trpc.desk.claim.mutationOptions({ onSuccess: after(t(locale, 'deskClaimed')), onError: fail }));
  const transfer = useMutation(trpc.desk.transfer.mutationOptions({ onSuccess: after(t(locale, 'deskTransferred')), onError: fail }));
  const resolve = useMutation(trpc.desk.resolve.mutationOptions({ onSuccess: after(t(locale, 'deskResolved')), onError: fail }));
  const reply = useMutation(trpc.desk.reply.mutationOptions({ onSuccess: after(), onError: fail }));
  const addNote = useMutation(trpc.desk.notes.add.mutationOptions({ onSuccess: after(), onError: fail }));
  const busy = claim.isPending || transfer.isPending || resolve.isPending || reply.isPending || addNote.isPending;

  const send = async (mode: ComposerMode, text: string): Promise<boolean> => {
    if (!selected) return false;
    try {
      if (mode === 'reply') await reply.mutateAsync({ conversationId: selected, text });
      else await addNote.mutateAsync({ conversationId: selected, text });
      return true;
    } catch {
      return false;
    }
  };
  const fillCanned = async (id: string): Promise<string | null> => {
    if (!selected) return null;
    try {
      return (await queryClient.fetchQuery(trpc.desk.canned.render.queryOptions({ conversationId: selected, id }, { staleTime: 0 }))).text;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  return (
    <div className={styles.desk}>
      <InboxColumn locale={locale} inbox={inbox.data} selected={selected} stream={stream} onSelect={select} onPresence={(p: Presence) => presence.mutate({ presence: p })} />
      {selected === null ? (
        <section className={styles.placeholder}>
          <h2>{t(locale, 'deskNoConversationTitle')}</h2>
          <p>{t(locale, 'deskNoConversationBody')}</p>
        </section>
      ) : conversation.data ? (
        <>
          <ConversationPane
            locale={locale}
            userId={userId}
            conversation={conversation.data}
            notes={notes.data ?? []}
            canned={canned.data ?? []}
            busy={busy}
            onClaim={() => claim.mutate({ conversationId: selected })}
            onTransfer={() => setDialog('transfer')}
            onResolve={() => setDialog('resolve')}
            onSend={send}
            fillCanned={fillCanned}
          />
          <CustomerPanel locale={locale} conversation={conversation.data} />
        </>
      ) : (
        <section className={styles.placeholder}>
          {conversation.isError ? (
            <>
              <h2>{t(locale, 'deskLoadFailed')}</h2>
              <p>{errorText(locale, conversation.error)}</p>
              <p>
                <button type="button" className="button" onClick={() => void conversation.refetch()}>
                  {t(locale, 'deskRetry')}
                </button>
              </p>
            </>
          ) : (
            <p>
              <span className="spinner" aria-hidden="true" />
              {t(locale, 'deskLoading')}
            </p>
          )}
        </section>
      )}
      {dialog === 'transfer' && selected && (
        <TransferDialog
          locale={locale}
          currentQueue={conversation.data?.queue ?? null}
          selfId={userId}
          busy={transfer.isPending}
          onClose={() => setDialog(null)}
          onTransfer={(to: TransferTarget) => transfer.mutate({ conversationId: selected, to }, { onSuccess: () => setDialog(null) })}
        />
      )}
      {dialog === 'resolve' && selected && (
        <ResolveDialog locale={locale} busy={resolve.isPending} onClose={() => setDialog(null)} onResolve={(disposition) => resolve.mutate({ conversationId: selected, disposition }, { onSuccess: () => setDialog(null) })} />
      )}
      <Toasts toasts={toasts.toasts} />
    </div>
  );
}
