// Cross-channel journeys: the continue-link page and the widget's channel labels, English and
// Thai. Thai must translate every English key. `widget…` keys reach public/widget.js.
export const en = {
  continueTitle: 'Continue your conversation',
  continueIntro: 'This is the conversation you started with us. Write below and we carry on where we left off.',
  continueExpiredTitle: 'This link has expired',
  continueExpiredBody: 'Links to continue a conversation work for a limited time. Contact us again and we will send a new one.',
  continueInvalidTitle: 'This link does not work',
  continueInvalidBody: 'The link is not complete or was changed. Open it again from the message we sent you.',
  continueEndedTitle: 'This conversation has ended',
  continueEndedBody: 'Start a new chat and we will help you there.',
  continueNoChatTitle: 'Web chat is not set up',
  continueNoChatBody: 'No web chat answers this journey. An administrator can set SWITCHBOARD_CONTINUE_WEBCHAT_KEY or bind a web chat key to the flow.',
  widgetContinueFailed: 'This link could not open your conversation.',
  widgetViaVoice: 'On the phone',
  widgetViaSms: 'By SMS',
  widgetViaLine: 'On LINE',
  widgetViaEmail: 'By email',
  widgetViaApi: 'By another system',
};

export const th: Record<keyof typeof en, string> = {
  continueTitle: 'สนทนาต่อ',
  continueIntro: 'นี่คือบทสนทนาที่คุณเริ่มไว้กับเรา พิมพ์ด้านล่างเพื่อคุยต่อจากที่ค้างไว้',
  continueExpiredTitle: 'ลิงก์นี้หมดอายุแล้ว',
  continueExpiredBody: 'ลิงก์สำหรับสนทนาต่อใช้ได้ในเวลาที่จำกัด ติดต่อเราอีกครั้งแล้วเราจะส่งลิงก์ใหม่ให้',
  continueInvalidTitle: 'ลิงก์นี้ใช้ไม่ได้',
  continueInvalidBody: 'ลิงก์ไม่ครบหรือถูกแก้ไข เปิดลิงก์อีกครั้งจากข้อความที่เราส่งให้คุณ',
  continueEndedTitle: 'บทสนทนานี้จบแล้ว',
  continueEndedBody: 'เริ่มแชทใหม่แล้วเราจะช่วยคุณต่อที่นั่น',
  continueNoChatTitle: 'ยังไม่ได้ตั้งค่าเว็บแชท',
  continueNoChatBody: 'ไม่มีเว็บแชทที่ตอบการเดินทางนี้ ผู้ดูแลระบบตั้งค่า SWITCHBOARD_CONTINUE_WEBCHAT_KEY หรือผูกคีย์เว็บแชทกับโฟลว์ได้',
  widgetContinueFailed: 'ลิงก์นี้เปิดบทสนทนาของคุณไม่ได้',
  widgetViaVoice: 'ทางโทรศัพท์',
  widgetViaSms: 'ทาง SMS',
  widgetViaLine: 'ทาง LINE',
  widgetViaEmail: 'ทางอีเมล',
  widgetViaApi: 'ผ่านระบบอื่น',
};
