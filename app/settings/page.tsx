import { redirect } from 'next/navigation';
import { localePath } from '@/app/lib/localePath';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';

/** Settings opens on its first section; the sections check who may see them. */
export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale } = await pageParams(searchParams);
  redirect(localePath('/settings/users', locale));
}
