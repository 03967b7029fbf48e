import { headers } from 'next/headers';
import { t, type Locale } from '@/app/i18n/messages';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { LanguageSwitcher } from '@/app/ui/LanguageSwitcher';
import { TopBar } from '@/app/ui/TopBar';
import { DEMO_WEBCHAT } from '@/server/flows/seed';
import { getServices } from '@/server/services';
import { BindingKey } from '@/server/webchat/requests';
import { webchatBinding } from '@/server/webchat/visitors';
import styles from './chat.module.css';
import { WidgetEmbed } from './WidgetEmbed';

export const dynamic = 'force-dynamic';

/** The web chat demo: the embed snippet for this host, and the widget itself on the page. Public. */
export default async function ChatPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, query } = await pageParams(searchParams);
  const parsed = BindingKey.safeParse(query.key ?? DEMO_WEBCHAT.key);
  const key = parsed.success ? parsed.data : null;
  const binding = key ? await webchatBinding((await getServices()).db, key) : undefined;
  const snippet = `<script src="${await siteOrigin()}/widget.js" data-key="${key ?? DEMO_WEBCHAT.key}" data-locale="${locale}" async></script>`;

  return (
    <div className="shell" lang={locale}>
      <TopBar locale={locale}>
        <LanguageSwitcher current={locale} path="/chat" params={{ key: query.key }} />
      </TopBar>
      <main className="content">
        <section className={styles.intro}>
          <div className="section-head">
            <h1>{t(locale, 'chatDemoTitle')}</h1>
          </div>
          <p className="muted">{t(locale, 'chatDemoIntro', { key: key ?? DEMO_WEBCHAT.key })}</p>
          {binding && <p>{t(locale, 'chatDemoBound', { key: key ?? '', flow: binding.flowId })}</p>}
          {binding?.flowId === DEMO_WEBCHAT.flowId && <p className="muted">{t(locale, 'chatDemoTry')}</p>}
        </section>
        <div className={styles.panels}>
          {!binding && <MissingBinding locale={locale} keyName={key} />}
          <section className="panel" aria-labelledby="embed-title">
            <h2 id="embed-title">{t(locale, 'chatDemoEmbedTitle')}</h2>
            <p className="muted">{t(locale, 'chatDemoEmbedBody')}</p>
            <pre className={styles.code}>
              <code>{snippet}</code>
            </pre>
          </section>
          <section className="panel" aria-labelledby="bind-title">
            <h2 id="bind-title">{t(locale, 'chatDemoBindTitle')}</h2>
            <p className="muted">{t(locale, 'chatDemoBindBody')}</p>
            <pre className={styles.code}>
              <code>npx switchboard binding set webchat my-site order-status</code>
            </pre>
          </section>
        </div>
      </main>
      {key && binding && <WidgetEmbed src="/widget.js" widgetKey={key} locale={locale} />}
    </div>
  );
}

function MissingBinding({ locale, keyName }: { locale: Locale; keyName: string | null }) {
  return (
    <section className="panel" role="alert">
      <h2>{keyName ? t(locale, 'chatDemoMissingTitle', { key: keyName }) : t(locale, 'chatDemoInvalidKey')}</h2>
      {keyName && (
        <>
          <p className="muted">{t(locale, 'chatDemoMissingBody')}</p>
          <pre className={styles.code}>
            <code>{`npx switchboard binding set webchat ${keyName} ${DEMO_WEBCHAT.flowId}`}</code>
          </pre>
        </>
      )}
    </section>
  );
}

/** Where this Switchboard is reached, as the browser saw it, for the snippet to copy. */
async function siteOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000';
  const proto = list.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]?.trim() ?? 'http'}://${host.split(',')[0]?.trim() ?? host}`;
}
