// One contact, many identities: an event from any identity reaches the contact's journey.
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './checks';

export const CHANNELS = ['webchat', 'voice', 'sms', 'line', 'email', 'api'] as const;
/** What an identity is keyed by: a channel, or `phone`, which voice and SMS share. */
export const IDENTITY_CHANNELS = [...CHANNELS, 'phone'] as const;
export type IdentityChannel = (typeof IDENTITY_CHANNELS)[number];

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale'),
    attributes: jsonb('attributes').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('contacts_email_idx').on(table.email), index('contacts_phone_idx').on(table.phone)],
);

export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: IDENTITY_CHANNELS }).notNull(),
    /** Phone number, email address, LINE user id, web-chat visitor id… */
    address: text('address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('contact_identities_channel_address_key').on(table.channel, table.address),
    check('contact_identities_channel_check', oneOf(table.channel, IDENTITY_CHANNELS)),
    index('contact_identities_contact_idx').on(table.contactId),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
export type ContactIdentityRow = typeof contactIdentities.$inferSelect;
