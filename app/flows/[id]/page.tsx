import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { FlowEditor } from '@/app/editor/FlowEditor';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { signedInPage } from '@/app/lib/signedInPage';
import type { Role } from '@/server/db/schema';

/** Roles that change flows; the others open the editor read-only. */
const EDITING_ROLES: readonly Role[] = ['designer', 'admin'];

export default async function FlowEditorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const { locale } = await pageParams(searchParams);
  const { api, user } = await signedInPage(locale, `/flows/${encodeURIComponent(id)}`);
  const loaded = await api.flows.get({ id }).catch((error: unknown) => {
    // A malformed id is refused as bad input; both mean there is no such flow to show.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  });
  if (!loaded) notFound();
  return (
    <FlowEditor
      key={`${loaded.flow.id}:${loaded.draft.revision}`}
      flowId={loaded.flow.id}
      draft={loaded.draft.content}
      revision={loaded.draft.revision}
      locale={locale}
      canWrite={EDITING_ROLES.includes(user.role)}
    />
  );
}
