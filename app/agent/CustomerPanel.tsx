'use client';
// The right column: who the customer is (every identity), why the bot handed off, what it
// collected, intents and survey scores, and the customer's earlier conversations.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import { ChannelIcon } from './ChannelIcon';
import styles from './desk.module.css';
import { channelName, dateTime, shortDuration } from './deskText';
import { dispositionLabel } from './ResolveDialog';
import type { DeskConversation } from './deskTypes';
import { Timeline } from './Timeline';

export function CustomerPanel({ locale, conversation }: { locale: Locale; conversation: DeskConversation }) {
  const { contact, handoff } = conversation;
  const vars = Object.entries(conversation.vars).filter(([, value]) => value !== null && value !== undefined && value !== '');
  const attributes = Object.entries(contact.attributes);
  return (
    <aside className={styles.side} aria-label={t(locale, 'deskProfile')}>
      <section className={styles.card} aria-labelledby="desk-profile">
        <h2 id="desk-profile">{t(locale, 'deskProfile')}</h2>
        <p className={styles.profileName}>{contact.name ?? t(locale, 'deskUnknownCustomer')}</p>
        <dl className={styles.facts}>
          {contact.email && <Fact term={t(locale, 'fieldEmail')} value={contact.email} />}
          {contact.phone && <Fact term={t(locale, 'deskChannelVoice')} value={contact.phone} />}
          <Fact term={t(locale, 'deskCustomerSince')} value={dateTime(locale, contact.since)} />
          {attributes.map(([name, value]) => (
            <Fact key={name} term={name} value={display(value)} />
          ))}
        </dl>
        {contact.identities.length > 0 && (
          <>
            <h3 className="visually-hidden">{t(locale, 'deskIdentities')}</h3>
            <ul className={styles.rows} aria-label={t(locale, 'deskIdentities')}>
              {contact.identities.map((identity) => (
                <li key={`${identity.channel}:${identity.address}`} className={styles.identity}>
                  <ChannelIcon channel={identity.channel} label={channelName(locale, identity.channel)} small />
                  <span className={styles.varValue}>{identity.address}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {handoff && (
        <section className={styles.card} aria-labelledby="desk-handoff">
          <h2 id="desk-handoff">{t(locale, 'deskHandoffSummary')}</h2>
          <p className={styles.summary}>{handoff.summary ?? t(locale, 'deskNoSummary')}</p>
          {handoff.disposition && <p className={styles.handoffLine}>{t(locale, 'deskHandoffDisposition', { disposition: dispositionLabel(locale, handoff.disposition) })}</p>}
          {handoff.firstResponseSeconds !== null && <p className={styles.handoffLine}>{t(locale, 'deskFirstResponse', { time: shortDuration(handoff.firstResponseSeconds) })}</p>}
          {handoff.handleSeconds !== null && <p className={styles.handoffLine}>{t(locale, 'deskHandleTime', { time: shortDuration(handoff.handleSeconds) })}</p>}
          {handoff.transfers > 0 && <p className={styles.handoffLine}>{t(locale, 'deskTransfers', { count: handoff.transfers })}</p>}
          <div className={styles.itemMeta}>
            <span className={styles.chip}>{t(locale, 'deskQueue', { queue: handoff.queue })}</span>
            {handoff.priority > 0 && <span className={`${styles.chip} ${styles.chipPriority}`}>{t(locale, 'deskPriority', { priority: handoff.priority })}</span>}
            {handoff.skills.map((skill) => (
              <span key={skill} className={styles.chip}>
                {skill}
              </span>
            ))}
          </div>
        </section>
      )}

      {(conversation.intents.length > 0 || conversation.lastIntent || conversation.surveys.length > 0) && (
        <section className={styles.card} aria-labelledby="desk-insights">
          <h2 id="desk-insights">{t(locale, 'deskInsights')}</h2>
          <dl className={styles.facts}>
            {conversation.intents.map((intent) => (
              <Fact key={intent.variable} term={t(locale, 'deskIntent')} value={intent.value} />
            ))}
            {conversation.lastIntent && !conversation.intents.some((i) => i.value === conversation.lastIntent?.intent) && (
              <Fact
                term={t(locale, 'deskIntent')}
                value={`${conversation.lastIntent.intent}${conversation.lastIntent.confidence === null ? '' : ` · ${t(locale, 'deskConfidence', { percent: Math.round(conversation.lastIntent.confidence * 100) })}`}`}
              />
            )}
            {conversation.surveys.map((survey) => (
              <Fact key={survey.variable} term={t(locale, survey.kind === 'csat' ? 'deskSurveyCsat' : survey.kind === 'nps' ? 'deskSurveyNps' : 'deskSurveyText')} value={display(survey.value)} />
            ))}
          </dl>
        </section>
      )}

      <section className={styles.card} aria-labelledby="desk-vars">
        <h2 id="desk-vars">{t(locale, 'deskVariables')}</h2>
        {vars.length === 0 ? (
          <p className="muted">{t(locale, 'deskVariablesEmpty')}</p>
        ) : (
          <dl className={styles.facts}>
            {vars.map(([name, value]) => (
              <Fact key={name} term={name} value={display(value)} mono />
            ))}
          </dl>
        )}
      </section>

      <PastConversations locale={locale} conversation={conversation} />
    </aside>
  );
}

function PastConversations({ locale, conversation }: { locale: Locale; conversation: DeskConversation }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className={styles.card} aria-labelledby="desk-history">
      <h2 id="desk-history">{t(locale, 'deskHistory')}</h2>
      {conversation.past.length === 0 && <p className="muted">{t(locale, 'deskHistoryEmpty')}</p>}
      {conversation.past.map((past) => (
        <div key={past.id} className={styles.pastItem}>
          <div className={styles.pastTop}>
            <ChannelIcon channel={past.channel} label={channelName(locale, past.channel)} small />
            <strong>{past.flow.name}</strong>
            <span className="muted">{dateTime(locale, past.startedAt)}</span>
          </div>
          <div className={styles.itemMeta}>
            <span className={styles.chip}>{past.outcome ? t(locale, 'deskOutcome', { outcome: past.outcome }) : t(locale, 'deskOpenNow')}</span>
            {past.disposition && <span className={styles.chip}>{dispositionLabel(locale, past.disposition)}</span>}
            <span className={styles.chip}>{t(locale, 'deskHistoryMessages', { count: past.messageCount })}</span>
          </div>
          <button type="button" className={styles.linkButton} aria-expanded={open === past.id} onClick={() => setOpen(open === past.id ? null : past.id)}>
            {open === past.id ? t(locale, 'deskHistoryHide') : t(locale, 'deskHistoryShow')}
          </button>
          {open === past.id && <PastTranscript locale={locale} id={past.id} />}
        </div>
      ))}
    </section>
  );
}

function PastTranscript({ locale, id }: { locale: Locale; id: string }) {
  const trpc = useTRPC();
  const transcript = useQuery(trpc.desk.transcript.queryOptions({ id }));
  if (transcript.isPending) return <p className="muted">{t(locale, 'deskLoading')}</p>;
  if (transcript.isError) return <p className="muted">{t(locale, 'deskLoadFailed')}</p>;
  return (
    <div className={styles.pastTranscript}>
      <Timeline locale={locale} entries={transcript.data.timeline} showSteps={false} />
    </div>
  );
}

function Fact({ term, value, mono = false }: { term: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={mono ? styles.varValue : undefined}>{value}</dd>
    </>
  );
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
