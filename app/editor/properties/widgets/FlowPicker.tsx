'use client';
// The `flow` widget: another flow's id. FlowPicker asks the server for the flows; FlowSelect
// shows a list it is given, so it renders (and is tested) without a server.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/lib/trpc';
import { t } from '@/app/i18n/messages';
import type { WidgetProps } from '../fieldContext';
import type { FieldModel } from '../model/formModel';
import { TextInput } from './SimpleInputs';
import styles from '../properties.module.css';

export function FlowPicker(props: WidgetProps & { field: FieldModel }) {
  const trpc = useTRPC();
  const flows = useQuery(trpc.flows.list.queryOptions());
  return <FlowSelect {...props} flows={flows.data} loading={flows.isPending} failed={flows.isError} />;
}

export interface FlowChoice {
  id: string;
  name: string;
}

export function FlowSelect(props: WidgetProps & { field: FieldModel; flows: readonly FlowChoice[] | undefined; loading: boolean; failed: boolean }) {
  const { keys, value, id, describedBy, invalid, ctx, flows, loading, failed } = props;
  if (failed) {
    return (
      <div>
        <TextInput {...props} mono />
        <p className={styles.hint}>{t(ctx.locale, 'propsFlowLoadError')}</p>
      </div>
    );
  }
  const current = typeof value === 'string' ? value : '';
  const offered = (flows ?? []).filter((flow) => flow.id !== ctx.flowId);
  const known = offered.some((flow) => flow.id === current);
  return (
    <select
      id={id}
      className={styles.select}
      value={current}
      disabled={ctx.readOnly}
      aria-busy={loading || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => ctx.change(keys, event.target.value)}
    >
      <option value="">{loading ? t(ctx.locale, 'propsFlowLoading') : t(ctx.locale, 'propsFlowChoose')}</option>
      {current !== '' && !known && <option value={current}>{loading ? current : t(ctx.locale, 'propsFlowMissing', { id: current })}</option>}
      {offered.map((flow) => (
        <option key={flow.id} value={flow.id}>
          {flow.name} ({flow.id})
        </option>
      ))}
    </select>
  );
}
