// How the drawer words steps, channels, statuses and virtual times.
import type { Channel } from '@/flows';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import type { SessionStatus } from './drawerModel';
import type { SessionAction, StepRecord } from './sessionTypes';

const CHANNEL_KEYS: Record<Channel, MessageKey> = {
  webchat: 'simChannel_webchat',
  voice: 'simChannel_voice',
  sms: 'simChannel_sms',
  line: 'simChannel_line',
  email: 'simChannel_email',
  api: 'simChannel_api',
};

export function channelName(channel: Channel, locale: Locale): string {
  return t(locale, CHANNEL_KEYS[channel]);
}

/** One line saying what a step did, e.g. "Customer pressed 1". */
export function stepLabel(step: StepRecord, locale: Locale): string {
  return step.action ? actionLabel(step.action, locale) : t(locale, 'simStepStart', { channel: channelName(step.state.channel, locale) });
}

export function actionLabel(action: SessionAction, locale: Locale): string {
  switch (action.kind) {
    case 'customer': {
      const { customer } = action;
      const label = customer.hangup
        ? t(locale, 'simStepHangup')
        : customer.payload !== undefined
          ? t(locale, 'simStepPayload', { payload: customer.text ?? customer.payload })
          : customer.digits !== undefined
            ? t(locale, 'simStepDigits', { digits: customer.digits })
            : t(locale, 'simStepText', { text: customer.text ?? '' });
      return customer.channel ? `${label} (${t(locale, 'simOnChannel', { channel: channelName(customer.channel, locale) })})` : label;
    }
    case 'wait':
      return t(locale, 'simStepWait', { duration: action.wait });
    case 'agent': {
      const { agent } = action;
      if (agent.reply !== undefined) return t(locale, 'simStepReply');
      if (agent.transfer !== undefined) return t(locale, 'simStepTransfer', { queue: agent.transfer });
      if (agent.resolve) return t(locale, 'simStepResolve');
      return t(locale, 'simStepAccept');
    }
    default: {
      const exhaustive: never = action;
      return String(exhaustive);
    }
  }
}

export function statusText(status: SessionStatus, locale: Locale): string {
  switch (status.kind) {
    case 'notStarted':
      return t(locale, 'simStatusNotStarted');
    case 'waiting':
      return t(locale, 'simStatusWaiting', { node: status.node, type: status.label });
    case 'queued':
      return t(locale, 'simStatusQueued', { queue: status.queue });
    case 'withAgent':
      return t(locale, 'simStatusWithAgent', { queue: status.queue });
    case 'ended':
      return t(locale, 'simStatusEnded', { outcome: status.outcome });
    default: {
      const exhaustive: never = status;
      return String(exhaustive);
    }
  }
}

const BCP47: Record<Locale, string> = { en: 'en-GB', th: 'th-TH' };

/** A virtual time as the clock on a bubble shows it (hours, minutes, seconds). */
export function clockTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

/** A virtual time with its date, for the clock and step headers. */
export function clockDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
