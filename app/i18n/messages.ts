// The UI's strings, English and Thai. Keys are shared: Thai must translate every English key.
const en = {
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
};

export type MessageKey = keyof typeof en;

const th: Record<MessageKey, string> = {
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
