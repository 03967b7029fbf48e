'use client';
// A `Text`: one template, or tabs by locale or channel that can be added and removed. The
// active tab's template box carries the field's id, so the row's <label for> names it.
import { useState } from 'react';
import { t } from '@/app/i18n/messages';
import { addVariant, isVariantKey, removeVariant, setVariant, textTabs, variantSuggestions } from '../model/textVariants';
import type { WidgetProps } from '../fieldContext';
import type { FieldModel } from '../model/formModel';
import { TemplateInput } from './TemplateInput';
import styles from '../properties.module.css';

export function LiquidField({ keys, value, id, label, describedBy, invalid, ctx, field }: WidgetProps & { field: FieldModel }) {
  const tabs = textTabs(value);
  const [picked, setPicked] = useState<string | null>(null);
  const active = tabs.find((tab) => tab.key === picked) ?? tabs[0];
  // `set` values may be stored numbers or booleans: shown as text, saved back as a template.
  const plain =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === undefined ? '' : null;

  const setText = (text: string) => ctx.change(keys, text === '' && !field.required ? undefined : text);

  return (
    <div className={styles.liquid}>
      {tabs.length > 0 && (
        <div role="tablist" aria-label={t(ctx.locale, 'propsVariants', { field: label })} className={styles.tabs}>
          {tabs.map((tab) => (
            <span key={tab.key} className={tab === active ? styles.tabActive : styles.tab}>
              <button
                type="button"
                role="tab"
                id={`${id}-tab-${tab.key}`}
                aria-selected={tab === active}
                aria-controls={id}
                className={styles.tabButton}
                onClick={() => setPicked(tab.key)}
                onKeyDown={(event) => {
                  // The tab pattern: arrows move between a text's languages.
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                  if (step === 0) return;
                  event.preventDefault();
                  const at = tabs.findIndex((other) => other.key === tab.key);
                  const next = tabs[(at + step + tabs.length) % tabs.length];
                  if (next) {
                    setPicked(next.key);
                    document.getElementById(`${id}-tab-${next.key}`)?.focus();
                  }
                }}
              >
                {tab.key}
              </button>
              {!ctx.readOnly && (
                <button
                  type="button"
                  className={styles.iconButton}
                  aria-label={t(ctx.locale, 'propsRemoveVariant', { key: tab.key, field: label })}
                  onClick={() => ctx.change(keys, removeVariant(value, tab.key))}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      {plain !== null && (
        <TemplateInput id={id} value={plain} label={label} placeholder={field.placeholder ?? t(ctx.locale, 'propsTemplateHint')} describedBy={describedBy} invalid={invalid} ctx={ctx} onChange={setText} />
      )}
      {active && typeof active.value === 'string' && (
        <TemplateInput
          id={id}
          value={active.value}
          label={label}
          placeholder={field.placeholder ?? t(ctx.locale, 'propsTemplateHint')}
          describedBy={describedBy}
          invalid={invalid}
          ctx={ctx}
          onChange={(text) => ctx.change(keys, setVariant(value, active.key, text))}
        />
      )}
      {active && typeof active.value === 'object' && (
        <div className={styles.nested} id={id} role="group" aria-label={`${label} (${active.key})`}>
          {Object.entries(active.value).map(([inner, template]) => (
            <TemplateInput
              key={inner}
              id={`${id}-${inner}`}
              value={template}
              label={label}
              ariaLabel={`${label} (${active.key}, ${inner})`}
              invalid={invalid}
              ctx={ctx}
              onChange={(text) => ctx.change(keys, setVariant(value, active.key, text, inner))}
            />
          ))}
        </div>
      )}
      {!ctx.readOnly && (
        <AddVariant
          id={`${id}-add`}
          label={label}
          ctx={ctx}
          existing={tabs.map((tab) => tab.key)}
          onAdd={(key) => {
            ctx.change(keys, addVariant(value, key, ctx.flowLocale));
            setPicked(key);
          }}
        />
      )}
    </div>
  );
}

function AddVariant({ id, label, ctx, existing, onAdd }: { id: string; label: string; ctx: WidgetProps['ctx']; existing: string[]; onAdd(key: string): void }) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const suggestions = variantSuggestions(ctx.flowLocale, existing);
  const valid = isVariantKey(key.trim(), existing) && !existing.includes(key.trim());
  if (!open) {
    return (
      <button type="button" className={styles.linkButton} onClick={() => setOpen(true)}>
        + {t(ctx.locale, 'propsAddVariant')}
      </button>
    );
  }
  const submit = () => {
    if (!valid) return;
    onAdd(key.trim());
    setKey('');
    setOpen(false);
  };
  return (
    <div className={styles.inline}>
      <input
        id={id}
        className={styles.input}
        list={`${id}-keys`}
        value={key}
        aria-label={t(ctx.locale, 'propsVariantKey', { field: label })}
        aria-invalid={(key !== '' && !valid) || undefined}
        onChange={(event) => setKey(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') setOpen(false);
        }}
      />
      <datalist id={`${id}-keys`}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <button type="button" className={styles.button} disabled={!valid} onClick={submit}>
        {t(ctx.locale, 'propsVariantAdd')}
      </button>
      {key !== '' && !valid && <p className={styles.hint}>{t(ctx.locale, 'propsVariantInvalid')}</p>}
    </div>
  );
}
