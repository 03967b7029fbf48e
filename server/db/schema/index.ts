export * from './auth';
export * from './flows';
export * from './contacts';
export * from './conversations';
export * from './access';
export * from './twilio';
