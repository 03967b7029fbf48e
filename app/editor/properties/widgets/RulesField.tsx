'use client';
// The rule builder: rows of "value to check · operator · compare with". Whether all or any
// must hold, and the JSONata alternative, are the case's own fields next to this one.
import { t, type MessageKey } from '@/app/i18n/messages';
import { RULE_OPS, type RuleOp } from '@/flows/schema/common';
import { formatRuleValue, parseRuleValue, VALUELESS_OPS } from '../model/ruleValue';
import { asList, isRecord, removeItem } from '../model/values';
import type { WidgetProps } from '../fieldContext';
import styles from '../properties.module.css';

const OP_LABELS: Record<RuleOp, MessageKey> = {
  eq: 'propsOpEq',
  neq: 'propsOpNeq',
  gt: 'propsOpGt',
  gte: 'propsOpGte',
  lt: 'propsOpLt',
  lte: 'propsOpLte',
  contains: 'propsOpContains',
  startsWith: 'propsOpStartsWith',
  matches: 'propsOpMatches',
  in: 'propsOpIn',
  exists: 'propsOpExists',
  empty: 'propsOpEmpty',
};

export function RulesField({ keys, value, id, describedBy, invalid, ctx }: WidgetProps) {
  const rules = asList(value).map((rule) => (isRecord(rule) ? rule : {}));
  const save = (next: unknown[]) => ctx.change(keys, next.length === 0 ? undefined : next);
  const setRule = (index: number, rule: Record<string, unknown>) => save(rules.map((item, at) => (at === index ? rule : item)));
  const listId = `${id}-paths`;
  return (
    <div className={styles.rules} id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      {rules.length === 0 && <p className={styles.hint}>{t(ctx.locale, 'propsNoRules')}</p>}
      {rules.map((rule, index) => {
        const n = index + 1;
        const op = RULE_OPS.find((known) => known === rule.op) ?? 'eq';
        return (
          <div key={index} className={styles.rule} role="group" aria-label={t(ctx.locale, 'propsRule', { n })}>
            <input
              className={`${styles.input} ${styles.mono}`}
              list={listId}
              value={typeof rule.var === 'string' ? rule.var : ''}
              placeholder="vars.age"
              disabled={ctx.readOnly}
              aria-invalid={invalid || undefined}
              aria-label={t(ctx.locale, 'propsRuleVar', { n })}
              onChange={(event) => setRule(index, { ...rule, var: event.target.value })}
            />
            <select
              className={styles.select}
              value={op}
              disabled={ctx.readOnly}
              aria-label={t(ctx.locale, 'propsRuleOp', { n })}
              onChange={(event) => {
                const next = RULE_OPS.find((known) => known === event.target.value) ?? 'eq';
                const { value: old, ...rest } = rule;
                const kept = VALUELESS_OPS.has(next) ? undefined : parseRuleValue(formatRuleValue(old), next);
                setRule(index, kept === undefined ? { ...rest, op: next } : { ...rest, op: next, value: kept });
              }}
            >
              {RULE_OPS.map((known) => (
                <option key={known} value={known}>
                  {t(ctx.locale, OP_LABELS[known])}
                </option>
              ))}
            </select>
            {!VALUELESS_OPS.has(op) && (
              <input
                className={styles.input}
                value={formatRuleValue(rule.value)}
                disabled={ctx.readOnly}
                aria-label={t(ctx.locale, 'propsRuleValue', { n })}
                onChange={(event) => setRule(index, { ...rule, value: parseRuleValue(event.target.value, op) })}
              />
            )}
            {!ctx.readOnly && (
              <button type="button" className={styles.iconButton} aria-label={t(ctx.locale, 'propsRemoveRule', { n })} onClick={() => save(removeItem(rules, index))}>
                ×
              </button>
            )}
          </div>
        );
      })}
      <datalist id={listId}>
        {ctx.templateNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {!ctx.readOnly && (
        <button type="button" className={styles.addButton} onClick={() => save([...rules, { var: '', op: 'eq', value: '' }])}>
          + {t(ctx.locale, 'propsAddRule')}
        </button>
      )}
    </div>
  );
}
