'use client';
// The node palette, generated from the catalog and grouped by category: drag an item onto the
// canvas (it lands at the pointer) or press Enter / click to add it at the canvas centre.
import { memo } from 'react';
import { NODE_CATEGORIES, NODE_TYPES, type NodeCategory } from '@/flows';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { Icon } from '../canvas/Icon';
import { PALETTE_MIME } from '../canvas/FlowCanvas';
import canvasStyles from '../canvas/canvas.module.css';
import styles from './shell.module.css';

const CATEGORY_LABELS: Record<NodeCategory, MessageKey> = {
  flow: 'editorCategoryFlow',
  messaging: 'editorCategoryMessaging',
  logic: 'editorCategoryLogic',
  integration: 'editorCategoryIntegration',
  people: 'editorCategoryPeople',
};

export const Palette = memo(function Palette({ locale, onAdd }: { locale: Locale; onAdd(type: string): void }) {
  return (
    <aside className={styles.palette} aria-label={t(locale, 'editorPalette')}>
      <h2 className={styles.paletteTitle}>{t(locale, 'editorPalette')}</h2>
      <p className={styles.paletteHint}>{t(locale, 'editorPaletteHint')}</p>
      {NODE_CATEGORIES.map((category) => (
        <section key={category} className={styles.paletteGroup}>
          <h3>{t(locale, CATEGORY_LABELS[category])}</h3>
          <ul>
            {NODE_TYPES.filter((spec) => spec.category === category).map((spec) => (
              <li key={spec.type}>
                <button
                  type="button"
                  draggable
                  className={`${styles.paletteItem} ${canvasStyles[`cat-${category}`]}`}
                  data-node-type={spec.type}
                  title={spec.texts[locale].help}
                  aria-label={t(locale, 'editorPaletteAdd', { label: spec.texts[locale].label })}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_MIME, spec.type);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(spec.type)}
                >
                  <span className={styles.paletteIcon}>
                    <Icon name={spec.icon} size={13} />
                  </span>
                  {spec.texts[locale].label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
