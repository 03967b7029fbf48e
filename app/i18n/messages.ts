// The UI's strings, English and Thai. Keys are shared: Thai must translate every English key.
const en = {
  appName: 'Switchboard',
  tagline: 'Omnichannel customer journeys for contact centers',
  languageSwitcher: 'Language',
  examplesHeading: 'Example flows',
  examplesIntro: 'Flow documents found in {dir}.',
  flowCountOne: '{count} flow',
  flowCountOther: '{count} flows',
  emptyTitle: 'No example flows yet',
  emptyBody: 'Add *.flow.json files to {dir} and reload this page.',
  flowId: 'ID',
  flowNodes: 'Nodes',
  flowChannels: 'Channels',
  flowLocale: 'Locale',
  localeNotSet: 'Not set',
  flowCheck: 'Check',
  flowValid: 'Valid',
  flowErrors: '{errors} errors, {warnings} warnings',
  flowJourneys: 'Journey tests',
  allChannels: 'All channels',
  channelWebchat: 'Web chat',
  channelVoice: 'Voice',
  channelSms: 'SMS',
  channelLine: 'LINE',
  channelEmail: 'Email',
  channelApi: 'API',
  skippedUnreadable: 'Skipped {file}: the file could not be read.',
  skippedInvalidJson: 'Skipped {file}: not valid JSON.',
  skippedInvalidFlow: 'Skipped {file}: not a flow document.',
};

export type MessageKey = keyof typeof en;

const th: Record<MessageKey, string> = {
  appName: 'Switchboard',
  tagline: 'เส้นทางลูกค้าแบบออมนิแชนเนลสำหรับคอนแทคเซ็นเตอร์',
  languageSwitcher: 'เลือกภาษา',
  examplesHeading: 'โฟลว์ตัวอย่าง',
  examplesIntro: 'เอกสารโฟลว์ที่พบในโฟลเดอร์ {dir}',
  flowCountOne: '{count} โฟลว์',
  flowCountOther: '{count} โฟลว์',
  emptyTitle: 'ยังไม่มีโฟลว์ตัวอย่าง',
  emptyBody: 'เพิ่มไฟล์ *.flow.json ลงในโฟลเดอร์ {dir} แล้วโหลดหน้านี้ใหม่',
  flowId: 'รหัส',
  flowNodes: 'จำนวนโหนด',
  flowChannels: 'ช่องทาง',
  flowLocale: 'ภาษา',
  localeNotSet: 'ไม่ได้ระบุ',
  flowCheck: 'การตรวจสอบ',
  flowValid: 'ถูกต้อง',
  flowErrors: 'ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ',
  flowJourneys: 'การทดสอบเส้นทาง',
  allChannels: 'ทุกช่องทาง',
  channelWebchat: 'เว็บแชต',
  channelVoice: 'โทรศัพท์',
  channelSms: 'SMS',
  channelLine: 'LINE',
  channelEmail: 'อีเมล',
  channelApi: 'API',
  skippedUnreadable: 'ข้ามไฟล์ {file}: ไม่สามารถอ่านไฟล์ได้',
  skippedInvalidJson: 'ข้ามไฟล์ {file}: ไม่ใช่ JSON ที่ถูกต้อง',
  skippedInvalidFlow: 'ข้ามไฟล์ {file}: ไม่ใช่เอกสารโฟลว์',
};

export const messages = { en, th };

export type Locale = keyof typeof messages;

export const locales: readonly Locale[] = ['en', 'th'];

/**
 * Looks up `key` in the catalog of `locale` and fills `{name}` placeholders from `params`.
 *
 * @example t('th', 'flowCountOther', { count: 3 }) // → '3 โฟลว์'
 */
export function t(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** Reads a `?lang=` value; anything unknown falls back to English. */
export function toLocale(value: unknown): Locale {
  return locales.find((locale) => locale === value) ?? 'en';
}
