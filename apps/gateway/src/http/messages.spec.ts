import { ErrorCode } from '@coop/contracts';
import { fieldMessage, problemTitle, serviceDetail } from './messages.js';

describe('problem texts', () => {
  it('titles every code in both languages', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(problemTitle(code, 'en')).not.toBe('');
      expect(problemTitle(code, 'fr')).not.toBe('');
    }
  });

  it("keeps a service's English detail, and says it in French from the code", () => {
    expect(serviceDetail(ErrorCode.NotFound, 'Service request x was not found', 'en')).toBe('Service request x was not found');
    expect(serviceDetail(ErrorCode.NotFound, 'Service request x was not found', 'fr')).toBe('La ressource demandée n’existe pas.');
    expect(serviceDetail(ErrorCode.ValidationFailed, 'Invalid input: a, b', 'fr', [{ field: 'a', message: '' }, { field: 'b', message: '' }, { field: 'a', message: '' }])).toBe(
      'Données invalides : a, b',
    );
  });
});

describe('fieldMessage', () => {
  const tooMany = { field: 'estimatedHours', message: 'estimatedHours must be at most 24: …', constraint: 'hoursExceedWindow', params: { max: 24, workingDays: 3 } };

  it('fills the French text with the rule’s values', () => {
    expect(fieldMessage(tooMany, 'fr')).toBe('estimatedHours doit être au plus 24 : 8 h par jour ouvrable sur les 3 jours ouvrables de la période');
    expect(fieldMessage(tooMany, 'en')).toBe(tooMany.message);
  });

  it('keeps the English message when the rule is unknown or its values are missing', () => {
    expect(fieldMessage({ field: 'x', message: 'x is odd', constraint: 'somethingNew' }, 'fr')).toBe('x is odd');
    expect(fieldMessage({ field: 'x', message: 'x is too long', constraint: 'maxLength' }, 'fr')).toBe('x is too long');
  });
});
