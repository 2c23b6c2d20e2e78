import type { KeyboardEvent } from 'react';
import { Avatar } from './Avatar';
import { useT } from './I18n';
import type { ParticipantView } from '@/lib/panel-model';

interface Props {
  participants: ParticipantView[];
  selected: string;
  onSelect(key: string): void;
}

/**
 * Everyone on the conversation, one row each: initials, name, role and a state dot, the person
 * on the card highlighted. Each row is a button (Tab reaches them); the arrow keys, Home and End
 * move between rows as in a list.
 */
export function ParticipantList({ participants, selected, onSelect }: Props) {
  const { t } = useT();
  function move(e: KeyboardEvent<HTMLUListElement>) {
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined || at < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }
  return (
    <nav className="participants" aria-label={t('participants')}>
      <ul onKeyDown={move}>
        {participants.map((p) => (
          <li key={p.key}>
            <button type="button" aria-current={p.key === selected ? 'true' : undefined} onClick={() => onSelect(p.key)}>
              <Avatar name={p.label} initials={p.initials} size="small" />
              <span className="participant-name">{p.label}</span>
              <span className="participant-role">{t(`role_${p.role}`)}</span>
              <span className={`state-dot state-${p.state}`} title={t(`participantState_${p.state}`)} aria-hidden="true" />
              <span className="visually-hidden">{`, ${t(`participantState_${p.state}`)}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
