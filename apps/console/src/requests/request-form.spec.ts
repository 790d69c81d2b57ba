import { describe, expect, it } from '@jest/globals';
import { EMPTY_REQUEST_FORM, requestBody } from './request-form';

describe(requestBody.name, () => {
  it('leaves empty fields out, so the API names each missing one', () => {
    expect(requestBody(EMPTY_REQUEST_FORM)).toEqual({ onSite: false, urgency: 'normal' });
  });

  it('sends what was typed, numbers as numbers (a comma too) and text the API will judge', () => {
    const sut = requestBody({ ...EMPTY_REQUEST_FORM, domain: 'legal', title: '  Analyse  ', estimatedHours: '12,5', region: 'estrie', onSite: true });

    expect(sut).toEqual({ domain: 'legal', title: 'Analyse', estimatedHours: 12.5, region: 'estrie', onSite: true, urgency: 'normal' });
    expect(requestBody({ ...EMPTY_REQUEST_FORM, estimatedHours: 'beaucoup' }).estimatedHours).toBe('beaucoup');
  });
});
