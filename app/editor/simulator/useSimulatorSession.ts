'use client';
// Holds the drawer's session and the toolbar's settings. The session simulates the flow it
// was started with: edits to the draft are offered as "Restart with changes", never applied
// silently, so a tester never loses the conversation they are in.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '@/flows';
import type { SimulatorTrace } from '@/app/editor/contracts';
import { defaultOptions, startChannels, withMockFor } from './drawerModel';
import { actionsOf, SimulatorSession } from './session';
import type { SessionAction, SessionOptions, SessionView } from './sessionTypes';
import { sessionTrace } from './trace';

export interface SimulatorSessionHandle {
  view: SessionView;
  /** The toolbar's settings; they apply on restart. */
  settings: SessionOptions;
  setSettings(settings: SessionOptions): void;
  settingsChanged: boolean;
  flowChanged: boolean;
  /** Changes whenever the settings change from outside the toolbar (a mock added for a failed call). */
  settingsRevision: number;
  apply(action: SessionAction): void;
  /** Starts over with the draft and the settings; `replay` takes the same steps again. */
  restart(replay?: boolean): void;
  /** Adds a mock for the call that failed, then replays the steps and the failed action. */
  addMockAndRetry(): void;
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

  const [settingsRevision, setSettingsRevision] = useState(0);

  const begin = useCallback((next: SimulatorSession) => {
    setSession(next);
    setView(next.view());
  }, []);

  const restart = useCallback(
    (replay = false) => {
      const channels = startChannels(flow);
      const options = channels.includes(settings.channel) ? settings : { ...settings, channel: channels[0] ?? 'webchat' };
      setSettings(options);
      begin(new SimulatorSession(flow, library, options, replay ? actionsOf(view.steps) : []));
    },
    [begin, flow, library, settings, view],
  );

  const addMockAndRetry = useCallback(() => {
    const options = withMockFor(session.options, view.problem);
    if (!options || !view.failedAction) return;
    setSettings(options);
    setSettingsRevision((revision) => revision + 1);
    begin(new SimulatorSession(session.flow, library, options, [...actionsOf(view.steps), view.failedAction]));
  }, [begin, library, session, view]);

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

  return { view, settings, setSettings, settingsChanged, flowChanged, settingsRevision, apply, restart, addMockAndRetry };
}
