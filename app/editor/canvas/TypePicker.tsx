'use client';
// The small menu of node types that the "+" of a handle opens: a pick adds and connects.
import { useEffect, useRef } from 'react';
import { NODE_TYPES } from '@/flows';
import { t, type Locale } from '@/app/i18n/messages';
import { Icon } from './Icon';
import styles from './canvas.module.css';

const PICKABLE = NODE_TYPES.filter((spec) => spec.type !== 'start');

export function TypePicker({ locale, at, onPick, onClose }: { locale: Locale; at: { x: number; y: number }; onPick(type: string): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (event: PointerEvent) => {
      if (event.target instanceof Node && !ref.current?.contains(event.target)) onClose();
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [onClose]);
  const top = Math.min(at.y, (typeof window === 'undefined' ? 800 : window.innerHeight) - 370);
  return (
    <div
      ref={ref}
      className={`${styles.picker} nodrag nopan nowheel`}
      style={{ left: at.x, top: Math.max(8, top) }}
      role="menu"
      aria-label={t(locale, 'editorPickType')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.pickerTitle}>{t(locale, 'editorPickType')}</div>
      {PICKABLE.map((spec) => (
        <button key={spec.type} type="button" role="menuitem" className={`${styles.pickerItem} ${styles[`cat-${spec.category}`]}`} onClick={() => onPick(spec.type)} title={spec.texts[locale].help}>
          <span className={styles.pickerIcon}>
            <Icon name={spec.icon} size={12} />
          </span>
          {spec.texts[locale].label}
        </button>
      ))}
    </div>
  );
}
