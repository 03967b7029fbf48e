/**
 * A flow id derived from a name: ASCII letters and digits joined by dashes; names with none
 * (Thai, say) become `flow`. Shared by the server (which then makes it unique) and the editor
 * (which shows it as the suggested id).
 *
 * @example
 * slugify('Lost card (v2)'); // 'lost-card-v2'
 * slugify('บัตรหาย'); // 'flow'
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'flow' : slug;
}
