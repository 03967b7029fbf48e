'use client';
// Holds the drawer's session and the toolbar's settings. The session simulates the flow it
// was started with: edits to the draft are offered as "Restart with changes", never applied
// silently, so a tester never loses the conversation they are in.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '@/flows';
import type { SimulatorTrace } from '@/app/editor/contracts';
import { defaultOptions, startChannels } from './drawerModel';
import { SimulatorSession } from './session';
import type { SessionAction, SessionOptions, SessionView } from './sessionTypes';
import { sessionTrace } from './trace';

export interface SimulatorSessionHandle {
  view: SessionView;
  /** The toolbar's settings; they apply on restart. */
  settings: SessionOptions;
  setSettings(settings: SessionOptions): void;
  settingsChanged: boolean;
  flowChanged: boolean;
  apply(action: SessionAction): void;
  restart(): void;
}

export function useSimulatorSession(
  flow: FlowDocument,
  library: ReadonlyMap<string, FlowDocument>,
  onTrace: (trace: SimulatorTrace | null) => void,
): SimulatorSessionHandle {
  const [settings, setSettings] = useState<SessionOptions>(() => defaultOptions(flow, Date.now()));
  const [session, setSession] = useState(() => new SimulatorSession(flow, library, settings));
  const [view, setView] = useState(() => session.view());

  const apply = useCallback((action: SessionAction) => setView(session.apply(action)), [session]);

  const restart = useCallback(() => {
    const channels = startChannels(flow);
    const options = channels.includes(settings.channel) ? settings : { ...settings, channel: channels[0] ?? 'webchat' };
    const next = new SimulatorSession(flow, library, options);
    setSettings(options);
    setSession(next);
    setView(next.view());
  }, [flow, library, settings]);

  const startedKey = useMemo(() => JSON.stringify(session.flow), [session]);
  const flowKey = useMemo(() => JSON.stringify(flow), [flow]);
  const flowChanged = flow !== session.flow && flowKey !== startedKey;
  const settingsChanged = JSON.stringify(settings) !== JSON.stringify(session.options);

  // The parent may pass a new callback on every render; the trace follows the view only.
  const onTraceRef = useRef(onTrace);
  useEffect(() => {
    onTraceRef.current = onTrace;
  }, [onTrace]);
  useEffect(() => {
    onTraceRef.current(sessionTrace(view.steps));
  }, [view]);
  useEffect(() => () => onTraceRef.current(null), []);

  return { view, settings, setSettings, settingsChanged, flowChanged, apply, restart };
}
