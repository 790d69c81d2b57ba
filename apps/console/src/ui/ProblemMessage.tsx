import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';

/** The problem+json of a failed call, as the gateway worded it (its title, detail and each field). */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  return (
    <div className="problem" role="alert">
      <strong>{problem?.title ?? t('problem.unexpected')}</strong>
      {problem && problem.detail !== problem.title && <p>{problem.detail}</p>}
      {problem?.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((fieldError) => (
            <li key={`${fieldError.field}:${fieldError.message}`}>
              <code>{fieldError.field}</code>: {fieldError.message}
            </li>
          ))}
        </ul>
      )}
      {problem?.correlationId && <p className="muted">{t('problem.reference', { id: problem.correlationId })}</p>}
    </div>
  );
}
