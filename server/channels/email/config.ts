// Email settings, from the environment only.

export interface EmailConfig {
  /** Our domains: mail to them is accepted; the first makes reply addresses and Message-IDs. */
  domains: string[];
  /** The From of what we send, e.g. `Acme Support <support@acme.example>`. */
  from: string | undefined;
  /** Outbound SMTP, e.g. smtp://user:pass@127.0.0.1:2525. */
  smtpUrl: string | undefined;
  /** The port of our inbound SMTP server; unset: none is started. */
  inboundPort: number | undefined;
  inboundHost: string;
  inboundUser: string | undefined;
  inboundPassword: string | undefined;
  /** Shared secret of the inbound-parse webhook; unset: the webhook answers 503. */
  inboundSecret: string | undefined;
}

export function emailConfig(env: Record<string, string | undefined> = process.env): EmailConfig {
  return {
    domains: (env.EMAIL_INBOUND_DOMAIN ?? '')
      .split(',')
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    from: env.EMAIL_FROM || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    inboundPort: port(env.SMTP_INBOUND_PORT),
    inboundHost: env.SMTP_INBOUND_HOST || '0.0.0.0',
    inboundUser: env.SMTP_INBOUND_USER || undefined,
    inboundPassword: env.SMTP_INBOUND_PASSWORD || undefined,
    inboundSecret: env.EMAIL_INBOUND_SECRET || undefined,
  };
}

function port(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`SMTP_INBOUND_PORT must be a port number (0 picks a free one), got "${value}".`);
  return number;
}
