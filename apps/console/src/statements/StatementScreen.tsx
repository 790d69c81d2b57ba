import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { useSession } from '../auth/AuthContext';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat, useMembers } from '../ui/hooks';
import { MemberOptions } from '../ui/options';
import { csvAmount, toCsv } from './csv';

type Statement = Schemas['StatementView'];

export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A member's at-cost statement of a month: lines, totals, CSV, print. Partners see their own member's. */
export default function StatementScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const coordinator = session.role === 'coordinator';
  const members = useMembers(coordinator);
  const [memberId, setMemberId] = useState(session.memberId ?? '');
  const [month, setMonth] = useState(currentMonth());
  const statement = useQuery({
    queryKey: ['statement', memberId, month],
    queryFn: () => call(api.GET('/v1/members/{id}/statement', { params: { path: { id: memberId }, query: { month } } })),
    enabled: memberId !== '' && /^\d{4}-\d{2}$/.test(month),
  });
  const lines = statement.data?.lines ?? [];
  const requests = useQueries({
    queries: [...new Set(lines.map((line) => line.requestId))].map((id) => ({
      queryKey: ['request', id],
      queryFn: () => call(api.GET('/v1/requests/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const professionals = useQueries({
    queries: [...new Set(lines.map((line) => line.professionalId))].map((id) => ({
      queryKey: ['professional', id],
      queryFn: () => call(api.GET('/v1/professionals/{id}', { params: { path: { id } } })),
      enabled: coordinator,
      staleTime: 60_000,
    })),
  });
  const titleOf = (id: string) => requests.find((query) => query.data?.id === id)?.data?.title ?? id.slice(0, 8);
  const nameOf = (id: string) => professionals.find((query) => query.data?.id === id)?.data?.fullName ?? id.slice(0, 8);
  const memberName = coordinator ? members.data?.items.find((member) => member.id === memberId)?.name : session.memberName;

  const download = (data: Statement) => {
    const header = [t('statement.request'), ...(coordinator ? [t('statement.professional')] : []), t('statement.status'), t('statement.hours'), t('statement.rate'), t('statement.amount')];
    const rows = data.lines.map((line) => [
      titleOf(line.requestId),
      ...(coordinator ? [nameOf(line.professionalId)] : []),
      t(`statement.line.${line.status}`),
      csvAmount(line.hours),
      csvAmount(line.costRate),
      csvAmount(line.amount),
    ]);
    const total = [t('statement.total'), ...(coordinator ? [''] : []), '', csvAmount(data.totalHours), '', csvAmount(data.totalAmount)];
    const url = URL.createObjectURL(new Blob([toCsv(header, [...rows, total])], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `statement-${data.month}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="statement">
      <h1>{t('statement.title')}</h1>
      <form className="filters no-print" onSubmit={(event) => event.preventDefault()} aria-label={t('statement.choose')}>
        {coordinator ? (
          <Field label={t('request.member')}>
            <select value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">{t('common.choose')}</option>
              <MemberOptions members={members.data?.items} />
            </select>
          </Field>
        ) : null}
        <Field label={t('statement.month')}>
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </Field>
      </form>
      {memberId === '' ? (
        <Empty>{t('statement.pickMember')}</Empty>
      ) : statement.isPending ? (
        <Loading />
      ) : statement.error ? (
        <ProblemMessage error={statement.error} />
      ) : (
        <>
          <h2 className="print-title">
            {memberName} — {format.month(statement.data.month)}
          </h2>
          {lines.length === 0 ? (
            <Empty>{t('statement.empty')}</Empty>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('statement.request')}</th>
                  {coordinator && <th scope="col">{t('statement.professional')}</th>}
                  <th scope="col">{t('statement.status')}</th>
                  <th scope="col" className="number">{t('statement.hours')}</th>
                  <th scope="col" className="number">{t('statement.rate')}</th>
                  <th scope="col" className="number">{t('statement.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.assignmentId}>
                    <td>
                      <Link to={`/requests/${line.requestId}`}>{titleOf(line.requestId)}</Link>
                    </td>
                    {coordinator && <td>{nameOf(line.professionalId)}</td>}
                    <td>{t(`statement.line.${line.status}`)}</td>
                    <td className="number">{format.hours(line.hours)}</td>
                    <td className="number">{format.money(line.costRate, statement.data.currency)}</td>
                    <td className="number">{format.money(line.amount, statement.data.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={coordinator ? 3 : 2}>
                    {t('statement.total')}
                  </th>
                  <td className="number" data-testid="total-hours">
                    {format.hours(statement.data.totalHours)}
                  </td>
                  <td />
                  <td className="number" data-testid="total-amount">
                    {format.money(statement.data.totalAmount, statement.data.currency)}
                  </td>
                </tr>
              </tfoot>
            </table>
          )}
          <div className="buttons no-print">
            <button type="button" onClick={() => download(statement.data)} disabled={lines.length === 0}>
              {t('statement.csv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('statement.print')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
