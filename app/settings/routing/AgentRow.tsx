'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { roleKey } from '@/app/lib/roleLabels';
import { useTRPC } from '@/app/lib/trpc';
import { formatSkills, parseSkills } from './routingText';
import styles from './routing.module.css';

type Agent = RouterOutputs['routing']['agents']['list'][number];

/** The channels people staff; `api` conversations are for machine clients. */
const STAFFED = ['voice', 'webchat', 'line', 'email', 'sms'] as const;
const PRESENCE: Record<Agent['presence'], MessageKey> = { available: 'presenceAvailable', busy: 'presenceBusy', away: 'presenceAway', offline: 'presenceOffline' };

/** One person: skills and capacity for agents, transcript access for designers; saved together. */
export function AgentRow({ locale, agent }: { locale: Locale; agent: Agent }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [skills, setSkills] = useState(formatSkills(agent.skills));
  const [capacity, setCapacity] = useState(() => Object.fromEntries(STAFFED.map((channel) => [channel, String(agent.capacity[channel] ?? 0)])));
  const [transcripts, setTranscripts] = useState(agent.readTranscripts);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(trpc.routing.agents.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.routing.agents.list.queryKey() }) }));
  const isDesigner = agent.role === 'designer';

  function submit() {
    const parsed = parseSkills(skills);
    if (!parsed.ok) return setProblem(t(locale, 'routingUnreadable', { part: parsed.part }));
    setProblem(null);
    const slots = Object.fromEntries(STAFFED.map((channel) => [channel, Math.max(0, Math.floor(Number(capacity[channel]) || 0))]));
    save.mutate({ userId: agent.userId, skills: parsed.value, capacity: { ...agent.capacity, ...slots }, ...(isDesigner ? { readTranscripts: transcripts } : {}) });
  }

  return (
    <tr>
      <td>
        <span className="cell-strong">{agent.name}</span>
        <div className="muted">{t(locale, roleKey(agent.role))}</div>
      </td>
      <td>
        <span className={styles.presence} data-presence={agent.presence}>
          {t(locale, PRESENCE[agent.presence])}
        </span>
      </td>
      <td>
        <input className={styles.skills} value={skills} onChange={(e) => setSkills(e.target.value)} aria-label={t(locale, 'routingSkillsOf', { name: agent.name })} placeholder="thai:3, cards" />
        {problem && (
          <p className="cell-error" role="alert">
            {problem}
          </p>
        )}
      </td>
      <td>
        <div className={styles.capacity}>
          {STAFFED.map((channel) => (
            <label key={channel}>
              {channel}
              <input
                type="number"
                min={0}
                max={50}
                value={capacity[channel]}
                onChange={(e) => setCapacity({ ...capacity, [channel]: e.target.value })}
                aria-label={t(locale, 'routingCapacityOf', { channel, name: agent.name })}
              />
            </label>
          ))}
        </div>
      </td>
      <td>
        {isDesigner ? (
          <input type="checkbox" checked={transcripts} onChange={(e) => setTranscripts(e.target.checked)} aria-label={t(locale, 'routingTranscriptsOf', { name: agent.name })} />
        ) : (
          <span className="muted">{agent.role === 'agent' || agent.role === 'admin' ? t(locale, 'routingAlways') : '—'}</span>
        )}
      </td>
      <td>
        <button type="button" className="button" onClick={submit} disabled={save.isPending}>
          {t(locale, save.isPending ? 'routingSaving' : save.isSuccess ? 'routingSaved' : 'routingSave')}
        </button>
        {save.error && (
          <p className="cell-error" role="alert">
            {t(locale, 'errorGeneric')}
          </p>
        )}
      </td>
    </tr>
  );
}
