'use client';
import { Fragment, useEffect, useRef } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import type { TranscriptLine } from '@/flows/simulate/simulation';
import type { SessionView } from './sessionTypes';
import { channelName, clockTime, stepLabel } from './stepText';
import styles from './SimulatorDrawer.module.css';

interface SimTranscriptProps {
  view: SessionView;
  locale: Locale;
}

const AUTHOR_KEYS = { customer: 'simCustomer', bot: 'simBot', agent: 'simAgent' } as const;
const AUTHOR_CLASSES = { customer: styles.customer, bot: styles.bot, agent: styles.agent };

/** The conversation as a chat: customer right, bot left, agent left in its own colour. */
export function SimTranscript({ view, locale }: SimTranscriptProps) {
  const log = useRef<HTMLDivElement>(null);
  // Keeps the newest message in view; scrolling only this box, never the editor around it.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [view]);
  return (
    <div ref={log} className={styles.transcript} role="log" aria-label={t(locale, 'simConversation')}>
      {view.steps.map((step, index) => (
        <Fragment key={index}>
          <div className={styles.stepDivider} id={`sim-step-${index + 1}`}>
            <span>{t(locale, 'simStepNumber', { number: index + 1 })}</span> · {stepLabel(step, locale)} · <time dateTime={step.state.now}>{clockTime(step.state.now, locale)}</time>
          </div>
          {view.transcript.slice(step.transcriptFrom, step.transcriptTo).map((line, offset) => (
            <Bubble key={offset} line={line} previous={view.transcript[step.transcriptFrom + offset - 1]} locale={locale} />
          ))}
        </Fragment>
      ))}
      {view.transcript.length === 0 && view.current ? <p className={styles.hint}>{t(locale, 'simEmpty')}</p> : null}
    </div>
  );
}

function Bubble({ line, previous, locale }: { line: TranscriptLine; previous: TranscriptLine | undefined; locale: Locale }) {
  // The channel is named on the first bubble and whenever the journey moves to another one.
  const showChannel = !previous || previous.channel !== line.channel;
  return (
    <div className={`${styles.bubbleRow} ${AUTHOR_CLASSES[line.author]}`}>
      <div className={styles.bubble}>
        <div className={styles.bubbleMeta}>
          <span className={styles.author}>{t(locale, AUTHOR_KEYS[line.author])}</span>
          {showChannel ? <span className={styles.channelTag}>{channelName(line.channel, locale)}</span> : null}
          <time dateTime={line.at}>{clockTime(line.at, locale)}</time>
        </div>
        <div className={styles.bubbleText}>{line.digits !== undefined ? t(locale, 'simPressedKeys', { keys: line.digits.split('').join(' ') }) : line.text}</div>
      </div>
    </div>
  );
}
