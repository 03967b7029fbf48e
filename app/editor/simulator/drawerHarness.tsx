// A page for the drawer's browser test: the drawer on its own, bundled with esbuild (no Next
// build needed), with a stand-in for the canvas that shows the trace and can edit the flow.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FlowDocument } from '@/flows';
import type { SimulatorTrace } from '@/app/editor/contracts';
import { toLocale } from '@/app/i18n/messages';
import lostCard from '@/flows/examples/lost-card.flow.json';
import orderStatus from '@/flows/examples/order-status.flow.json';
import telcoSupport from '@/flows/examples/telco-support.flow.json';
import verifyIdentity from '@/flows/examples/verify-identity.flow.json';
import { SimulatorDrawer } from './SimulatorDrawer';

const FLOWS: Record<string, unknown> = { 'lost-card': lostCard, 'order-status': orderStatus, 'telco-support': telcoSupport };
const params = new URLSearchParams(window.location.search);
const initial = FlowDocument.parse(FLOWS[params.get('flow') ?? 'lost-card']);
const locale = toLocale(params.get('lang'));
const library = new Map([['verify-identity', FlowDocument.parse(verifyIdentity)]]);

function Harness() {
  const [flow, setFlow] = useState(initial);
  const [trace, setTrace] = useState<SimulatorTrace | null>(null);
  const [open, setOpen] = useState(true);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <div style={{ flex: 1, padding: 12 }}>
        <output id="trace">{JSON.stringify(trace)}</output>
        <button type="button" onClick={() => setFlow({ ...flow, name: `${flow.name} (edited)` })}>
          edit the flow
        </button>
        {open ? null : <p id="closed">closed</p>}
      </div>
      {open ? (
        <div style={{ height: '40%' }}>
          <SimulatorDrawer flow={flow} library={library} locale={locale} onTrace={setTrace} onClose={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Harness />);
