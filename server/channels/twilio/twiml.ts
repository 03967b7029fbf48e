// TwiML for one voice answer: what the journey said since the last answer, then how the call
// goes on (listen for keys or speech, queue for an agent, wait and come back, or hang up).
// Built with the `twilio` package's VoiceResponse, so escaping and attribute names are its own.
// Imported from its own module: the package's index would also load every REST client.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse';

export interface GatherSpec {
  action: string;
  /** Seconds of silence after the prompt before Twilio posts the action with no input. */
  timeout: number;
  numDigits?: number;
  /** Empty: no key ends the input (a menu key uses `#`). */
  finishOnKey: string;
  input: ('dtmf' | 'speech')[];
}

export type VoiceEnding =
  | { kind: 'gather'; gather: GatherSpec }
  /** `dial`: a SIP URI (`sip:…`) or a phone number; without it the call is queued on `queue`. */
  | { kind: 'handoff'; queue: string; dial: string | undefined; action: string }
  | { kind: 'pause'; seconds: number; redirect: string }
  | { kind: 'hangup' };

/** The answer's TwiML: the Says (inside the Gather when listening), then the ending. */
export function renderTwiml(says: readonly string[], language: string | undefined, ending: VoiceEnding): string {
  const response = new VoiceResponse();
  const spoken = language === undefined ? undefined : twilioLanguage(language);
  const sayAttributes: VoiceResponse.SayAttributes = spoken ? { language: spoken } : {};
  const sayAll = (target: Pick<VoiceResponse, 'say'> | Pick<VoiceResponse.Gather, 'say'>) => {
    for (const text of says) target.say(sayAttributes, text);
  };
  switch (ending.kind) {
    case 'gather': {
      const { gather } = ending;
      const listening = response.gather({
        input: gather.input,
        action: gather.action,
        method: 'POST',
        timeout: gather.timeout,
        finishOnKey: gather.finishOnKey,
        // Silence posts the action too (with no Digits): the journey's no-input path runs there.
        actionOnEmptyResult: true,
        ...(gather.numDigits !== undefined ? { numDigits: gather.numDigits } : {}),
        ...(spoken && gather.input.includes('speech') ? { language: spoken } : {}),
      });
      sayAll(listening);
      break;
    }
    case 'handoff': {
      sayAll(response);
      if (!ending.dial) response.enqueue({ action: ending.action, method: 'POST' }, ending.queue);
      else {
        const dial = response.dial({ action: ending.action, method: 'POST' });
        if (ending.dial.startsWith('sip:')) dial.sip(ending.dial);
        else dial.number(ending.dial);
      }
      break;
    }
    case 'pause':
      sayAll(response);
      response.pause({ length: ending.seconds });
      response.redirect({ method: 'POST' }, ending.redirect);
      break;
    case 'hangup':
      sayAll(response);
      response.hangup();
      break;
    default: {
      const exhaustive: never = ending;
      throw new Error(`unknown ending ${JSON.stringify(exhaustive)}`);
    }
  }
  return response.toString();
}

/**
 * Languages both Twilio's Say and its speech recognition take; a locale outside them is spoken
 * in Twilio's default voice rather than refused.
 */
const LANGUAGES = [
  'th-TH', 'en-US', 'en-GB', 'en-AU', 'en-IN', 'ja-JP', 'ko-KR', 'vi-VN', 'ms-MY', 'id-ID', 'fil-PH',
  'hi-IN', 'fr-FR', 'de-DE', 'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'pt-BR', 'pt-PT', 'ru-RU', 'tr-TR', 'pl-PL', 'sv-SE',
] as const satisfies readonly (NonNullable<VoiceResponse.SayAttributes['language']> & NonNullable<VoiceResponse.GatherAttributes['language']>)[];
type Language = (typeof LANGUAGES)[number];

/** A bare language gets the region its speakers mostly call from. */
const REGIONS: Record<string, Language> = { th: 'th-TH', en: 'en-US', ja: 'ja-JP', ko: 'ko-KR', vi: 'vi-VN', ms: 'ms-MY', id: 'id-ID', hi: 'hi-IN', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pt: 'pt-BR', ru: 'ru-RU', tr: 'tr-TR', pl: 'pl-PL', sv: 'sv-SE' };

/** `th` → `th-TH`, `en-gb` → `en-GB`; undefined for a language Twilio does not speak here. */
export function twilioLanguage(locale: string): Language | undefined {
  const [language = '', region] = locale.split(/[-_]/);
  const lower = language.toLowerCase();
  if (!region) return REGIONS[lower];
  const tag = `${lower}-${region.toUpperCase()}`;
  return LANGUAGES.find((known) => known === tag);
}
