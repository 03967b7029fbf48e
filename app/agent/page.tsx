import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { signedInPage } from '@/app/lib/signedInPage';
import { ForbiddenNotice } from '@/app/ui/ForbiddenNotice';
import { SignedInBar } from '@/app/ui/SignedInBar';
import { AgentDesk } from './AgentDesk';
import styles from './desk.module.css';

const PATH = '/agent';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The agent desktop: agents and admins answer customers here; others get an explanation. */
export default async function AgentPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, query } = await pageParams(searchParams);
  const { user } = await signedInPage(locale, PATH);
  const allowed = user.role === 'agent' || user.role === 'admin';
  const initial = query.conversation && UUID.test(query.conversation) ? query.conversation : null;
  return (
    <div className={allowed ? styles.shell : 'shell'} lang={locale}>
      <SignedInBar locale={locale} user={user} path={PATH} />
      {allowed ? (
        <AgentDesk locale={locale} userId={user.id} initialConversation={initial} />
      ) : (
        <main className="content">
          <ForbiddenNotice locale={locale} title="deskForbiddenTitle" body="deskForbiddenBody" />
        </main>
      )}
    </div>
  );
}
