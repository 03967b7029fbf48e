// The UI's strings, English and Thai. Keys are shared: Thai must translate every English key.
// Larger areas keep their strings in catalogs/ (one file each) and are merged here.
import * as flowsList from './catalogs/flowsList';
import * as editor from './catalogs/editor';
import * as properties from './catalogs/properties';
import * as simulator from './catalogs/simulator';
import * as versions from './catalogs/versions';
import * as journeys from './catalogs/journeys';
import * as routing from './catalogs/routing';
import * as agentDesk from './catalogs/agentDesk';

const core = {
  appName: 'Switchboard',
  tagline: 'Omnichannel customer journeys for contact centers',
  languageSwitcher: 'Language',

  // Header of a signed-in page.
  account: 'Account',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  roleAdmin: 'Admin',
  roleDesigner: 'Designer',
  roleAgent: 'Agent',
  roleViewer: 'Viewer',

  // Home: the flows stored in the database.
  flowsHeading: 'Flows',
  flowsIntro: 'Every flow in this Switchboard, with its latest published version.',
  flowCountOne: '{count} flow',
  flowCountOther: '{count} flows',
  flowsEmptyTitle: 'No flows yet',
  flowsEmptyBody: 'Flows that designers create or import will appear here.',
  flowId: 'ID',
  flowPublished: 'Published',
  flowVersion: 'Version {version}',
  draftOnly: 'Draft only',
  flowNodes: 'Nodes',
  flowUpdated: 'Last updated',

  // Forms shared by setup and sign-in.
  fieldName: 'Name',
  fieldEmail: 'Email',
  fieldPassword: 'Password',
  fieldConfirmPassword: 'Confirm password',
  errorNameRequired: 'Enter your name.',
  errorEmailInvalid: 'Enter an email address such as ana@example.com.',
  errorPasswordRequired: 'Enter your password.',
  errorGeneric: 'Something went wrong. Try again in a moment.',
  errorTooManyAttempts: 'Too many attempts. Wait a few seconds and try again.',

  // First visit: the owner account.
  setupTitle: 'Welcome to Switchboard',
  setupIntro:
    'Create the owner account to get started. The owner is an admin who can add everyone else.',
  passwordHint: 'At least {min} characters.',
  errorPasswordShort: 'Use at least {min} characters.',
  errorPasswordMismatch: 'The passwords do not match.',
  errorOwnerExists: 'This Switchboard already has an owner.',
  errorSignInAfterSetup: 'Your account was created, but signing in failed.',
  goToSignIn: 'Go to sign in',
  createOwner: 'Create account',
  creatingOwner: 'Creating account…',

  // Sign-in.
  signInTitle: 'Sign in',
  signInIntro: 'Use the account an admin created for you.',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  errorWrongCredentials: 'Wrong email or password.',

  // Settings (admins): the frame, accounts and API keys.
  settingsLink: 'Settings',
  settingsTitle: 'Settings',
  settingsIntro: 'Who can sign in to this Switchboard, and the keys machine clients use.',
  settingsSections: 'Settings sections',
  settingsAccounts: 'Accounts',
  settingsApiKeys: 'API keys',
  forbiddenTitle: 'Only admins can manage accounts',
  forbiddenBody: 'Accounts and API keys are managed by admins. Ask an admin if you need a change.',
  backToFlows: 'Back to flows',
  working: 'Working…',
  cancel: 'Cancel',
  columnName: 'Name',
  columnEmail: 'Email',
  columnRole: 'Role',
  columnCreated: 'Created',

  usersIntro: 'Everyone who can sign in. Admins manage accounts and keys, designers edit flows, agents and viewers read them.',
  userCountOne: '{count} account',
  userCountOther: '{count} accounts',
  you: 'You',
  roleOf: 'Role of {name}',
  savingRole: 'Saving…',
  errorLastAdmin: 'This is the last admin. Make someone else an admin first.',
  addUserTitle: 'Add account',
  addUserIntro: 'They sign in with this email and password. Share the password with them safely.',
  fieldRole: 'Role',
  addUser: 'Add account',
  addingUser: 'Adding account…',
  userAdded: 'Account added for {email}.',
  errorEmailTaken: 'There is already an account for this email.',
  errorPasswordLong: 'This password is too long.',
  errorNameMissing: 'Enter a name.',
  errorNameLong: 'This name is too long.',
  errorNotAllowed: 'You are no longer signed in as an admin. Reload the page.',

  keysIntro: 'Machine clients, such as the ingest API, sign their requests with a key. Give each system its own.',
  keyCountOne: '{count} key',
  keyCountOther: '{count} keys',
  keysEmptyTitle: 'No API keys yet',
  keysEmptyBody: 'Create one for each system that calls the ingest API.',
  columnKey: 'Key',
  columnLastUsed: 'Last used',
  columnStatus: 'Status',
  columnActions: 'Actions',
  neverUsed: 'Never',
  keyActive: 'Active',
  keyRevoked: 'Revoked',
  revokeKey: 'Revoke',
  revokeQuestion: 'Revoke “{name}”? Clients using it stop working at once.',
  revokeConfirm: 'Revoke key',
  revoking: 'Revoking…',
  createKeyTitle: 'Create key',
  fieldKeyName: 'Key name',
  keyNameHint: 'Name it after what uses it, such as “LINE webhook”.',
  errorKeyNameRequired: 'Name the key after what uses it.',
  createKey: 'Create key',
  creatingKey: 'Creating key…',
  newKeyTitle: 'New key “{name}”',
  newKeyWarning: 'Copy it now and store it safely: it will not be shown again.',
  copyKey: 'Copy',
  copiedKey: 'Copied',
  errorCopy: 'Copying failed. Select the key and copy it yourself.',
  dismissKey: 'I have stored it',

  // The web chat widget (public/widget.js reads these through /api/webchat/<key>/config).
  widgetOpen: 'Open chat',
  widgetClose: 'Close chat',
  widgetTitle: 'Chat with us',
  widgetConnecting: 'Connecting…',
  widgetOnline: 'Online',
  widgetReconnecting: 'Connection lost. Reconnecting…',
  widgetWaitingAgent: 'Waiting for a team member…',
  widgetTranscript: 'Messages',
  widgetInputLabel: 'Your message',
  widgetPlaceholder: 'Type a message…',
  widgetSend: 'Send',
  widgetTyping: 'The assistant is typing…',
  widgetSending: 'Sending…',
  widgetSent: 'Sent',
  widgetFailed: 'Not sent.',
  widgetRetry: 'Try again',
  widgetBot: 'Assistant',
  widgetAgent: 'Team member',
  widgetYou: 'You',
  widgetQuickReplies: 'Suggested replies',
  widgetEnded: 'This chat has ended.',
  widgetNewChat: 'Start a new chat',
  widgetUnavailable: 'The chat is unavailable right now. Please try again later.',
  widgetPoweredBy: 'Powered by Switchboard',

  // The web chat demo page (/chat).
  chatDemoTitle: 'Web chat',
  chatDemoIntro:
    'This page embeds the Switchboard chat widget with one script tag. The chat button at the bottom right opens it; the flow bound to the key “{key}” answers.',
  chatDemoBound: 'Key “{key}” is answered by the flow “{flow}”.',
  chatDemoTry:
    'Tap “Track my order” and type an order number such as LH482913. The example looks orders up at api.lumenhome.example, which does not exist: point it at your own service with SWITCHBOARD_HTTP_REWRITE, or the bot offers to try again or to bring in a person.',
  chatDemoEmbedTitle: 'Add it to your site',
  chatDemoEmbedBody:
    'Paste this tag before </body> on any page. data-key names the web chat binding; data-locale chooses the widget’s language, en or th.',
  chatDemoBindTitle: 'Answer with another flow',
  chatDemoBindBody: 'A key is the address of a web chat binding. Bind a published flow to a key of your own:',
  chatDemoMissingTitle: 'No flow answers “{key}” yet',
  chatDemoMissingBody: 'Bind a published flow to this key, then reload this page:',
  chatDemoInvalidKey: 'A key uses only letters, digits, “-” and “_”, up to 64 characters.',
};

const en = {
  ...core,
  ...flowsList.en,
  ...editor.en,
  ...properties.en,
  ...simulator.en,
  ...versions.en,
  ...journeys.en,
  ...routing.en,
  ...agentDesk.en,
};

export type MessageKey = keyof typeof en;

/** For keys built from data (an enum value): whether the catalog has it. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

const coreTh: Record<keyof typeof core, string> = {
  appName: 'Switchboard',
  tagline: 'เส้นทางลูกค้าแบบออมนิแชนเนลสำหรับคอนแทคเซ็นเตอร์',
  languageSwitcher: 'เลือกภาษา',

  account: 'บัญชีผู้ใช้',
  signOut: 'ออกจากระบบ',
  signingOut: 'กำลังออกจากระบบ…',
  roleAdmin: 'ผู้ดูแลระบบ',
  roleDesigner: 'ผู้ออกแบบ',
  roleAgent: 'เจ้าหน้าที่',
  roleViewer: 'ผู้ดู',

  flowsHeading: 'โฟลว์',
  flowsIntro: 'โฟลว์ทั้งหมดใน Switchboard นี้ พร้อมเวอร์ชันที่เผยแพร่ล่าสุด',
  flowCountOne: '{count} โฟลว์',
  flowCountOther: '{count} โฟลว์',
  flowsEmptyTitle: 'ยังไม่มีโฟลว์',
  flowsEmptyBody: 'โฟลว์ที่ผู้ออกแบบสร้างหรือนำเข้าจะแสดงที่นี่',
  flowId: 'รหัส',
  flowPublished: 'เผยแพร่แล้ว',
  flowVersion: 'เวอร์ชัน {version}',
  draftOnly: 'มีเฉพาะฉบับร่าง',
  flowNodes: 'จำนวนโหนด',
  flowUpdated: 'แก้ไขล่าสุด',

  fieldName: 'ชื่อ',
  fieldEmail: 'อีเมล',
  fieldPassword: 'รหัสผ่าน',
  fieldConfirmPassword: 'ยืนยันรหัสผ่าน',
  errorNameRequired: 'กรุณากรอกชื่อ',
  errorEmailInvalid: 'กรุณากรอกอีเมล เช่น ana@example.com',
  errorPasswordRequired: 'กรุณากรอกรหัสผ่าน',
  errorGeneric: 'เกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  errorTooManyAttempts: 'พยายามหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',

  setupTitle: 'ยินดีต้อนรับสู่ Switchboard',
  setupIntro: 'สร้างบัญชีเจ้าของระบบเพื่อเริ่มใช้งาน เจ้าของระบบเป็นผู้ดูแลระบบที่เพิ่มบัญชีให้คนอื่นได้',
  passwordHint: 'อย่างน้อย {min} ตัวอักษร',
  errorPasswordShort: 'รหัสผ่านต้องมีอย่างน้อย {min} ตัวอักษร',
  errorPasswordMismatch: 'รหัสผ่านทั้งสองช่องไม่ตรงกัน',
  errorOwnerExists: 'Switchboard นี้มีเจ้าของระบบแล้ว',
  errorSignInAfterSetup: 'สร้างบัญชีแล้ว แต่เข้าสู่ระบบไม่สำเร็จ',
  goToSignIn: 'ไปที่หน้าเข้าสู่ระบบ',
  createOwner: 'สร้างบัญชี',
  creatingOwner: 'กำลังสร้างบัญชี…',

  signInTitle: 'เข้าสู่ระบบ',
  signInIntro: 'ใช้บัญชีที่ผู้ดูแลระบบสร้างให้คุณ',
  signInButton: 'เข้าสู่ระบบ',
  signingIn: 'กำลังเข้าสู่ระบบ…',
  errorWrongCredentials: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',

  settingsLink: 'ตั้งค่า',
  settingsTitle: 'ตั้งค่า',
  settingsIntro: 'ผู้ที่เข้าสู่ระบบ Switchboard นี้ได้ และคีย์ที่ระบบภายนอกใช้',
  settingsSections: 'หมวดการตั้งค่า',
  settingsAccounts: 'บัญชีผู้ใช้',
  settingsApiKeys: 'คีย์ API',
  forbiddenTitle: 'เฉพาะผู้ดูแลระบบเท่านั้นที่จัดการบัญชีได้',
  forbiddenBody: 'บัญชีผู้ใช้และคีย์ API จัดการโดยผู้ดูแลระบบ หากต้องการเปลี่ยนแปลง กรุณาติดต่อผู้ดูแลระบบ',
  backToFlows: 'กลับไปที่โฟลว์',
  working: 'กำลังดำเนินการ…',
  cancel: 'ยกเลิก',
  columnName: 'ชื่อ',
  columnEmail: 'อีเมล',
  columnRole: 'บทบาท',
  columnCreated: 'สร้างเมื่อ',

  usersIntro: 'ทุกคนที่เข้าสู่ระบบได้ ผู้ดูแลระบบจัดการบัญชีและคีย์ ผู้ออกแบบแก้ไขโฟลว์ เจ้าหน้าที่และผู้ดูอ่านได้อย่างเดียว',
  userCountOne: '{count} บัญชี',
  userCountOther: '{count} บัญชี',
  you: 'คุณ',
  roleOf: 'บทบาทของ {name}',
  savingRole: 'กำลังบันทึก…',
  errorLastAdmin: 'นี่คือผู้ดูแลระบบคนสุดท้าย กรุณาตั้งผู้อื่นเป็นผู้ดูแลระบบก่อน',
  addUserTitle: 'เพิ่มบัญชี',
  addUserIntro: 'ผู้ใช้จะเข้าสู่ระบบด้วยอีเมลและรหัสผ่านนี้ กรุณาส่งรหัสผ่านให้อย่างปลอดภัย',
  fieldRole: 'บทบาท',
  addUser: 'เพิ่มบัญชี',
  addingUser: 'กำลังเพิ่มบัญชี…',
  userAdded: 'เพิ่มบัญชีสำหรับ {email} แล้ว',
  errorEmailTaken: 'มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว',
  errorPasswordLong: 'รหัสผ่านยาวเกินไป',
  errorNameMissing: 'กรุณากรอกชื่อ',
  errorNameLong: 'ชื่อยาวเกินไป',
  errorNotAllowed: 'คุณไม่ได้เข้าสู่ระบบในฐานะผู้ดูแลระบบแล้ว กรุณาโหลดหน้านี้ใหม่',

  keysIntro: 'ระบบภายนอก เช่น API รับข้อมูล ใช้คีย์ยืนยันคำขอ ควรให้แต่ละระบบมีคีย์ของตัวเอง',
  keyCountOne: '{count} คีย์',
  keyCountOther: '{count} คีย์',
  keysEmptyTitle: 'ยังไม่มีคีย์ API',
  keysEmptyBody: 'สร้างคีย์หนึ่งคีย์สำหรับแต่ละระบบที่เรียกใช้ API รับข้อมูล',
  columnKey: 'คีย์',
  columnLastUsed: 'ใช้ล่าสุด',
  columnStatus: 'สถานะ',
  columnActions: 'การดำเนินการ',
  neverUsed: 'ยังไม่เคยใช้',
  keyActive: 'ใช้งานได้',
  keyRevoked: 'เพิกถอนแล้ว',
  revokeKey: 'เพิกถอน',
  revokeQuestion: 'เพิกถอน “{name}” หรือไม่ ระบบที่ใช้คีย์นี้จะหยุดทำงานทันที',
  revokeConfirm: 'เพิกถอนคีย์',
  revoking: 'กำลังเพิกถอน…',
  createKeyTitle: 'สร้างคีย์',
  fieldKeyName: 'ชื่อคีย์',
  keyNameHint: 'ตั้งชื่อตามระบบที่ใช้ เช่น “LINE webhook”',
  errorKeyNameRequired: 'กรุณาตั้งชื่อคีย์ตามระบบที่ใช้',
  createKey: 'สร้างคีย์',
  creatingKey: 'กำลังสร้างคีย์…',
  newKeyTitle: 'คีย์ใหม่ “{name}”',
  newKeyWarning: 'คัดลอกและเก็บไว้อย่างปลอดภัยตอนนี้ คีย์นี้จะไม่แสดงอีก',
  copyKey: 'คัดลอก',
  copiedKey: 'คัดลอกแล้ว',
  errorCopy: 'คัดลอกไม่สำเร็จ กรุณาเลือกคีย์แล้วคัดลอกเอง',
  dismissKey: 'เก็บคีย์แล้ว',

  widgetOpen: 'เปิดแชท',
  widgetClose: 'ปิดแชท',
  widgetTitle: 'แชทกับเรา',
  widgetConnecting: 'กำลังเชื่อมต่อ…',
  widgetOnline: 'ออนไลน์',
  widgetReconnecting: 'การเชื่อมต่อขาดหาย กำลังเชื่อมต่อใหม่…',
  widgetWaitingAgent: 'กำลังรอเจ้าหน้าที่…',
  widgetTranscript: 'ข้อความ',
  widgetInputLabel: 'ข้อความของคุณ',
  widgetPlaceholder: 'พิมพ์ข้อความ…',
  widgetSend: 'ส่ง',
  widgetTyping: 'ผู้ช่วยกำลังพิมพ์…',
  widgetSending: 'กำลังส่ง…',
  widgetSent: 'ส่งแล้ว',
  widgetFailed: 'ส่งไม่สำเร็จ',
  widgetRetry: 'ลองอีกครั้ง',
  widgetBot: 'ผู้ช่วย',
  widgetAgent: 'เจ้าหน้าที่',
  widgetYou: 'คุณ',
  widgetQuickReplies: 'คำตอบที่แนะนำ',
  widgetEnded: 'การสนทนานี้สิ้นสุดแล้ว',
  widgetNewChat: 'เริ่มแชทใหม่',
  widgetUnavailable: 'ขณะนี้ไม่สามารถใช้แชทได้ กรุณาลองใหม่ภายหลัง',
  widgetPoweredBy: 'ให้บริการโดย Switchboard',

  chatDemoTitle: 'เว็บแชท',
  chatDemoIntro:
    'หน้านี้ฝังวิดเจ็ตแชทของ Switchboard ด้วยแท็ก script เพียงแท็กเดียว กดปุ่มแชทที่มุมขวาล่างเพื่อเปิด โฟลว์ที่ผูกกับคีย์ “{key}” จะเป็นผู้ตอบ',
  chatDemoBound: 'คีย์ “{key}” ตอบโดยโฟลว์ “{flow}”',
  chatDemoTry:
    'กด “Track my order” แล้วพิมพ์หมายเลขคำสั่งซื้อ เช่น LH482913 ตัวอย่างนี้ค้นหาคำสั่งซื้อที่ api.lumenhome.example ซึ่งไม่มีอยู่จริง ให้ชี้ไปยังบริการของคุณเองด้วย SWITCHBOARD_HTTP_REWRITE มิฉะนั้นบอตจะเสนอให้ลองใหม่หรือต่อสายถึงเจ้าหน้าที่',
  chatDemoEmbedTitle: 'ติดตั้งบนเว็บไซต์ของคุณ',
  chatDemoEmbedBody:
    'วางแท็กนี้ก่อน </body> ในหน้าใดก็ได้ data-key คือคีย์ของการผูกช่องทางเว็บแชท data-locale เลือกภาษาของวิดเจ็ต en หรือ th',
  chatDemoBindTitle: 'ตอบด้วยโฟลว์อื่น',
  chatDemoBindBody: 'คีย์คือที่อยู่ของการผูกช่องทางเว็บแชท ผูกโฟลว์ที่เผยแพร่แล้วกับคีย์ของคุณเองด้วยคำสั่งนี้',
  chatDemoMissingTitle: 'ยังไม่มีโฟลว์ที่ตอบคีย์ “{key}”',
  chatDemoMissingBody: 'ผูกโฟลว์ที่เผยแพร่แล้วกับคีย์นี้ แล้วโหลดหน้านี้ใหม่',
  chatDemoInvalidKey: 'คีย์ใช้ได้เฉพาะตัวอักษร ตัวเลข “-” และ “_” ไม่เกิน 64 ตัว',
};

const th: Record<MessageKey, string> = {
  ...coreTh,
  ...flowsList.th,
  ...editor.th,
  ...properties.th,
  ...simulator.th,
  ...versions.th,
  ...journeys.th,
  ...routing.th,
  ...agentDesk.th,
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
