'use client';
// Transfer to a queue (with its waiting count and available agents) or to a named agent.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import { DeskDialog } from './DeskDialog';
import styles from './desk.module.css';
import { presenceName } from './deskText';

export type TransferTarget = { queue: string } | { agentId: string };

interface TransferDialogProps {
  locale: Locale;
  currentQueue: string | null;
  selfId: string;
  busy: boolean;
  onTransfer(to: TransferTarget): void;
  onClose(): void;
}

export function TransferDialog({ locale, currentQueue, selfId, busy, onTransfer, onClose }: TransferDialogProps) {
  const trpc = useTRPC();
  const targets = useQuery(trpc.desk.transferTargets.queryOptions());
  const [kind, setKind] = useState<'queue' | 'agent'>('queue');
  const [queue, setQueue] = useState('');
  const [agent, setAgent] = useState('');
  const queues = targets.data?.queues ?? [];
  const agents = (targets.data?.agents ?? []).filter((a) => a.id !== selfId);
  const chosenQueue = queue || queues.find((q) => q.queue !== currentQueue)?.queue || '';
  const chosenAgent = agent || agents[0]?.id || '';
  const target: TransferTarget | null = kind === 'queue' ? (chosenQueue ? { queue: chosenQueue } : null) : chosenAgent ? { agentId: chosenAgent } : null;

  return (
    <DeskDialog locale={locale} title={t(locale, 'deskTransferTitle')} confirm={t(locale, 'deskTransferConfirm')} busy={busy} canConfirm={target !== null} onConfirm={() => target && onTransfer(target)} onClose={onClose}>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">{t(locale, 'deskTransferTitle')}</legend>
        <label className={styles.choice}>
          <input type="radio" name="transfer-kind" checked={kind === 'queue'} onChange={() => setKind('queue')} />
          {t(locale, 'deskTransferToQueue')}
        </label>
        <label className={styles.choice}>
          <input type="radio" name="transfer-kind" checked={kind === 'agent'} onChange={() => setKind('agent')} />
          {t(locale, 'deskTransferToAgent')}
        </label>
      </fieldset>
      {kind === 'queue' ? (
        <div className="field">
          <label htmlFor="transfer-queue">{t(locale, 'deskTransferQueueLabel')}</label>
          <select id="transfer-queue" value={chosenQueue} onChange={(event) => setQueue(event.target.value)}>
            {queues.map((q) => (
              <option key={q.queue} value={q.queue}>
                {`${q.name} — ${t(locale, 'deskTransferWaiting', { waiting: q.waiting, agents: q.agentsAvailable })}`}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="transfer-agent">{t(locale, 'deskTransferAgentLabel')}</label>
          <select id="transfer-agent" value={chosenAgent} onChange={(event) => setAgent(event.target.value)}>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.name} — ${presenceName(locale, a.presence)}`}
              </option>
            ))}
          </select>
        </div>
      )}
    </DeskDialog>
  );
}
