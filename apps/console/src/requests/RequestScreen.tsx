import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useSession } from '../auth/AuthContext';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat, useMembers } from '../ui/hooks';
import { AssignForm, CancelForm, CompleteForm, DeclineForm } from './actions';
import { CandidateList, ExcludedList } from './CandidateList';
import { Facts } from './Facts';
import { History } from './History';
import { NearestFits } from './NearestFits';

type ServiceRequest = Schemas['ServiceRequestView'];

/** While matching runs (just submitted, or after a decline) the screen follows it closely. */
const MATCHING_POLL_MS = 2_000;
const SETTLED_POLL_MS = 10_000;
const OPEN = new Set<ServiceRequest['status']>(['submitted', 'pending_review', 'assigned', 'unmatched']);
const HAS_MATCHES = new Set<ServiceRequest['status']>(['pending_review', 'assigned', 'unmatched']);

/** One request: facts, history, and for coordinators the ranked candidates and every action. */
export default function RequestScreen() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const coordinator = session.role === 'coordinator';
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const request = useQuery({
    queryKey: ['request', id],
    queryFn: () => call(api.GET('/v1/requests/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'submitted' ? MATCHING_POLL_MS : SETTLED_POLL_MS),
  });
  const status = request.data?.status;
  const history = useQuery({
    queryKey: ['request', id, 'history'],
    queryFn: () => call(api.GET('/v1/requests/{id}/history', { params: { path: { id } } })),
    refetchInterval: status === 'submitted' ? MATCHING_POLL_MS : SETTLED_POLL_MS,
    enabled: request.isSuccess,
  });
  const matches = useQuery({
    queryKey: ['request', id, 'matches', i18n.language, status],
    queryFn: () => call(api.GET('/v1/requests/{id}/matches', { params: { path: { id }, query: { limit: 20, explainExcluded: true } } })),
    enabled: coordinator && status !== undefined && HAS_MATCHES.has(status),
  });
  const members = useMembers(coordinator);

  // Names of the professionals the assignment and the history speak of (coordinators may read profiles).
  const professionalIds = [
    ...new Set(
      [
        request.data?.assignment?.professionalId,
        ...(request.data?.assignment?.parts ?? []).map((part) => part.professionalId),
        ...(history.data?.entries ?? []).map((entry) => entry.professionalId),
      ].filter((value): value is string => !!value),
    ),
  ];
  const profiles = useQueries({
    queries: professionalIds.map((professionalId) => ({
      queryKey: ['professional', professionalId],
      queryFn: () => call(api.GET('/v1/professionals/{id}', { params: { path: { id: professionalId } } })),
      enabled: coordinator,
      staleTime: 60_000,
    })),
  });
  const professionalName = (professionalId: string): string | undefined =>
    matches.data?.candidates.find((candidate) => candidate.professionalId === professionalId)?.fullName ??
    profiles.find((profile) => profile.data?.id === professionalId)?.data?.fullName;

  if (request.isPending) return <Loading />;
  if (request.error) {
    const missing = request.error instanceof ApiProblem && request.error.status === 404;
    return (
      <section>
        <h1>{missing ? t('request.notFound') : t('request.title')}</h1>
        <ProblemMessage error={request.error} />
        <Link to="/">{t('notFound.home')}</Link>
      </section>
    );
  }
  const current = request.data;
  const refresh = async (message?: string) => {
    setNotice(message);
    setChosen(undefined);
    await queryClient.invalidateQueries({ queryKey: ['request', id] });
    await queryClient.invalidateQueries({ queryKey: ['queue'] });
    await queryClient.invalidateQueries({ queryKey: ['capacity'] });
  };
  const candidates = matches.data?.candidates ?? [];
  const assignedId = current.assignment?.professionalId;
  // Everyone who holds a part of the request now: each part of a shared one, else the one assigned.
  const assignedIds = new Set(current.assignment?.parts?.map((part) => part.professionalId) ?? (assignedId ? [assignedId] : []));
  // A part of a shared request declined: the others keep theirs, a candidate takes the hours missing.
  const share =
    current.status !== 'assigned' && current.assignment?.parts
      ? { kept: current.assignment.parts.map(({ professionalId, hours }) => ({ professionalId, hours })), missingHours: current.estimatedHours - current.assignment.hours }
      : undefined;
  const memberName = members.data?.items.find((member) => member.id === current.memberId)?.name;

  return (
    <article className="request">
      <header className="page-head">
        <h1>{current.title}</h1>
        {current.status === 'submitted' && (
          <p className="matching" role="status">
            {t('request.matching')}
          </p>
        )}
      </header>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="request__grid">
        <section aria-labelledby="facts-title" className="panel">
          <h2 id="facts-title">{t('request.facts')}</h2>
          <Facts request={current} memberName={memberName} professionalName={assignedId ? professionalName(assignedId) : undefined} nameOf={professionalName} />
          {OPEN.has(current.status) && (
            <div className="actions">
              {coordinator && current.assignment?.parts && (
                // A shared request: each professional declines or completes their own part.
                <>
                  {current.assignment.parts.map((part) => (
                    <div key={part.assignmentId} className="actions" role="group" aria-label={t('request.part', { name: professionalName(part.professionalId) ?? t('request.aProfessional') })}>
                      <strong>{t('request.part', { name: professionalName(part.professionalId) ?? t('request.aProfessional') })}</strong>
                      <DeclineForm key={`decline-${part.assignmentId}`} assignmentId={part.assignmentId} onDone={() => refresh(t('actions.declined'))} />
                      <CompleteForm key={`complete-${part.assignmentId}`} assignmentId={part.assignmentId} defaultHours={part.hours} onDone={() => refresh(t('actions.completed'))} />
                    </div>
                  ))}
                </>
              )}
              {coordinator && current.assignment && !current.assignment.parts && (
                <>
                  {/* Keyed by the assignment: a new one (after a decline) starts with empty forms. */}
                  <DeclineForm key={`decline-${current.assignment.id}`} assignmentId={current.assignment.id} onDone={() => refresh(t('actions.declined'))} />
                  <CompleteForm
                    key={`complete-${current.assignment.id}`}
                    assignmentId={current.assignment.id}
                    defaultHours={current.assignment.hours}
                    onDone={() => refresh(t('actions.completed'))}
                  />
                </>
              )}
              <CancelForm requestId={current.id} onDone={() => refresh(t('actions.cancelled'))} />
            </div>
          )}
        </section>
        <section aria-labelledby="history-title" className="panel">
          <h2 id="history-title">{t('request.history')}</h2>
          {history.error ? <ProblemMessage error={history.error} /> : history.isPending ? <Loading /> : <History entries={history.data.entries} professionalName={professionalName} />}
        </section>
      </div>
      {coordinator && HAS_MATCHES.has(current.status) && (
        <>
          <section aria-labelledby="candidates-title">
            <h2 id="candidates-title">{t('request.candidates')}</h2>
            {current.status === 'unmatched' && <p className="warning">{t('request.nobodyFits')}</p>}
            {matches.error && <ProblemMessage error={matches.error} />}
            {matches.isPending ? (
              <Loading />
            ) : (
              <CandidateList
                candidates={candidates}
                assignedIds={assignedIds}
                actions={(candidate) =>
                  assignedIds.has(candidate.professionalId) || current.status === 'completed' ? null : chosen === candidate.professionalId ? (
                    <AssignForm
                      requestId={current.id}
                      candidates={candidates}
                      candidate={candidate}
                      hasAssignment={!!current.assignment && !share}
                      share={share}
                      onCancel={() => setChosen(undefined)}
                      onDone={() => refresh(t('actions.assigned', { name: candidate.fullName }))}
                    />
                  ) : (
                    <button type="button" className={candidate.rank === 1 && !current.assignment ? 'primary' : undefined} onClick={() => setChosen(candidate.professionalId)}>
                      {share
                        ? t('actions.joinShare', { name: candidate.fullName, hours: format.hours(share.missingHours) })
                        : current.assignment
                          ? t('actions.overrideTo', { name: candidate.fullName })
                          : t('actions.assignTo', { name: candidate.fullName })}
                    </button>
                  )
                }
              />
            )}
          </section>
          {current.status === 'unmatched' && (
            <NearestFits requestId={current.id} fits={matches.data?.nearestFits} onApplied={(fit) => refresh(t('nearest.applied', { reason: fit.reason }))} />
          )}
          <section aria-labelledby="excluded-title">
            <h2 id="excluded-title">{t('request.excluded')}</h2>
            {matches.data ? <ExcludedList excluded={matches.data.excluded ?? []} /> : matches.isPending ? <Loading /> : <Empty>{t('candidates.noneExcluded')}</Empty>}
          </section>
        </>
      )}
    </article>
  );
}
