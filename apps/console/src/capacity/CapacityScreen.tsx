import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat } from '../ui/hooks';
import { bookedShare, heatLevel } from './heat';
import { DomainOptions } from '../ui/options';

type Row = Schemas['CapacityRow'];
const WEEKS = 12;

/** Professionals x the next 12 weeks, coloured by booked / capacity, from one API call. */
export default function CapacityScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const [domain, setDomain] = useState('');
  const [selected, setSelected] = useState<{ professionalId: string; week: string } | undefined>();
  const grid = useQuery({
    queryKey: ['capacity', domain],
    queryFn: () => call(api.GET('/v1/professionals/capacity', { params: { query: { weeks: WEEKS, limit: 200, active: true, ...(domain ? { domain: domain as never } : {}) } } })),
    refetchInterval: 30_000,
  });
  const row = grid.data?.rows.find((candidate) => candidate.professionalId === selected?.professionalId);
  const cell = row?.cells.find((candidate) => candidate.week === selected?.week);

  return (
    <section>
      <h1>{t('capacity.title')}</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('request.domain')}>
          <select value={domain} onChange={(event) => setDomain(event.target.value)}>
            <option value="">{t('common.all')}</option>
            <DomainOptions />
          </select>
        </Field>
      </form>
      <Legend />
      <ProblemMessage error={grid.error} />
      {grid.isPending ? (
        <Loading />
      ) : !grid.data || grid.data.rows.length === 0 ? (
        <Empty>{t('capacity.empty')}</Empty>
      ) : (
        <div className="heatmap-scroll">
          <table className="heatmap">
            <caption className="visually-hidden">{t('capacity.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('professionals.name')}</th>
                {grid.data.weeks.map((week) => (
                  <th scope="col" key={week.week}>
                    <span className="week">{week.week.slice(5)}</span>
                    <span className="week-date">{format.shortDate(week.weekStart)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.data.rows.map((professional) => (
                <tr key={professional.professionalId}>
                  <th scope="row">
                    <Link to={`/professionals/${professional.professionalId}`}>{professional.fullName}</Link>
                  </th>
                  {professional.cells.map((entry) => {
                    const isSelected = selected?.professionalId === professional.professionalId && selected.week === entry.week;
                    return (
                      <td key={entry.week} className={`heat heat--${heatLevel(entry)}${entry.timeOffDays.length > 0 ? ' heat--time-off' : ''}`}>
                        <button
                          type="button"
                          aria-pressed={isSelected}
                          data-week={entry.week}
                          data-professional={professional.professionalId}
                          aria-label={t('capacity.cellLabel', {
                            name: professional.fullName,
                            week: entry.week,
                            booked: format.hours(entry.bookedHours),
                            capacity: format.hours(entry.capacityHours),
                            daysOff: entry.timeOffDays.length,
                          })}
                          onClick={() => setSelected(isSelected ? undefined : { professionalId: professional.professionalId, week: entry.week })}
                        >
                          {format.percent(bookedShare(entry))}
                          {entry.timeOffDays.length > 0 && <span aria-hidden="true" className="off-mark">•</span>}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {row && cell && <WeekBookings row={row} cell={cell} />}
    </section>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('capacity.legend')}>
      {(['free', 'low', 'medium', 'high', 'full'] as const).map((level) => (
        <li key={level}>
          <span className={`swatch heat--${level}`} aria-hidden="true" /> {t(`capacity.level.${level}`)}
        </li>
      ))}
      <li>
        <span className="swatch heat--time-off" aria-hidden="true">
          <span className="off-mark">•</span>
        </span>{' '}
        {t('capacity.timeOff')}
      </li>
    </ul>
  );
}

/** The bookings of one professional's week, each leading to its request. */
function WeekBookings({ row, cell }: { row: Row; cell: Schemas['CapacityCell'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assignments = useQuery({
    queryKey: ['assignments', row.professionalId],
    queryFn: () => call(api.GET('/v1/assignments', { params: { query: { professionalId: row.professionalId, limit: 200 } } })),
    enabled: cell.bookings.length > 0,
  });
  const requestOf = (assignmentId: string) => assignments.data?.items.find((assignment) => assignment.id === assignmentId)?.requestId;
  return (
    <section className="panel" aria-labelledby="week-title" aria-live="polite">
      <h2 id="week-title">{t('capacity.weekOf', { name: row.fullName, week: cell.week })}</h2>
      <p>
        {t('capacity.summary', { booked: format.hours(cell.bookedHours), capacity: format.hours(cell.capacityHours) })}
        {cell.timeOffDays.length > 0 && ` · ${t('capacity.daysOff', { days: cell.timeOffDays.map(format.date).join(', ') })}`}
      </p>
      {cell.bookings.length === 0 ? (
        <Empty>{t('capacity.noBookings')}</Empty>
      ) : (
        <ul className="bookings">
          {cell.bookings.map((booking) => {
            const requestId = requestOf(booking.assignmentId);
            return (
              <li key={booking.assignmentId}>
                <strong>{format.hours(booking.hours)}</strong> {t('capacity.thisWeek')} · {t('capacity.ofBooking', { total: format.hours(booking.totalHours), from: format.date(booking.startDate), to: format.date(booking.endDate) })}
                {requestId && (
                  <>
                    {' '}
                    · <Link to={`/requests/${requestId}`}>{t('capacity.openRequest')}</Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ProblemMessage error={assignments.error} />
    </section>
  );
}
