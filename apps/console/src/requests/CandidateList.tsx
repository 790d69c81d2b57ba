import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { Bar } from '../ui/Bar';
import { Empty } from '../ui/states';
import { useFormat } from '../ui/hooks';
import { orderedFactors, type Candidate } from './score-gap';

interface CandidateListProps {
  candidates: Candidate[];
  /** What each card offers (assign, override…); nothing for an ad hoc search. */
  actions?: (candidate: Candidate) => ReactNode;
  /** The professionals currently assigned (every part of a shared request), marked on their cards. */
  assignedIds?: ReadonlySet<string>;
}

/** Ranked candidates: score, factors, reasons in the chosen language, availability, free hours, cost. */
export function CandidateList({ candidates, actions, assignedIds }: CandidateListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (candidates.length === 0) return <Empty>{t('candidates.none')}</Empty>;
  return (
    <ol className="candidates">
      {candidates.map((candidate) => (
        <li key={candidate.professionalId} className={`candidate${candidate.available ? '' : ' candidate--partial'}`} aria-label={t('candidates.card', { rank: candidate.rank, name: candidate.fullName })}>
          <div className="candidate__head">
            <span className="rank">#{candidate.rank}</span>
            <h3>{candidate.fullName}</h3>
            {assignedIds?.has(candidate.professionalId) && <span className="status status--assigned">{t('candidates.assigned')}</span>}
            <span className={`availability availability--${candidate.available ? 'full' : 'partial'}`}>
              {candidate.available ? t('candidates.available') : t('candidates.partial')}
            </span>
          </div>
          <div className="candidate__score">
            <span>{t('candidates.score')}</span>
            <Bar value={candidate.score} label={t('candidates.score')} text={format.number(candidate.score, 2)} />
            <strong>{format.number(candidate.score, 2)}</strong>
          </div>
          <dl className="candidate__facts">
            <div>
              <dt>{t('candidates.freeHours')}</dt>
              <dd>{format.hours(candidate.freeHours)}</dd>
            </div>
            <div>
              <dt>{t('candidates.estimatedCost')}</dt>
              <dd>{format.money(candidate.estimatedCost)}</dd>
            </div>
          </dl>
          <div className="factors">
            <h4 className="visually-hidden">{t('candidates.factors')}</h4>
            <ul>
              {orderedFactors(candidate.factors).map(([name, value]) => (
                <li key={name}>
                  <span>{t(`factor.${name}`, { defaultValue: name })}</span>
                  <Bar value={value} tone="factor" label={t(`factor.${name}`, { defaultValue: name })} text={format.number(value, 2)} />
                  <span className="number">{format.number(value, 2)}</span>
                </li>
              ))}
            </ul>
          </div>
          <ul className="reasons">
            {candidate.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {actions?.(candidate)}
        </li>
      ))}
    </ol>
  );
}

/** Who the hard constraints left out, and why: the differentiator when nobody fits. */
export function ExcludedList({ excluded }: { excluded: Schemas['ExcludedView'][] }) {
  const { t } = useTranslation();
  if (excluded.length === 0) return <Empty>{t('candidates.noneExcluded')}</Empty>;
  return (
    <ul className="excluded">
      {excluded.map((person) => (
        <li key={person.professionalId}>
          <strong>{person.fullName}</strong>
          <ul>
            {person.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
