import { derivedAssignmentId } from './assignment-id.js';

describe(derivedAssignmentId.name, () => {
  const request = '6f1c2a9e-1b7d-4c1e-9a51-0c7f4b1e2d3a';
  const professional = 'a2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d';

  it('is stable for the same request, professional and round, and differs otherwise', () => {
    expect(derivedAssignmentId(request, professional, 0)).toBe(derivedAssignmentId(request, professional, 0));
    expect(derivedAssignmentId(request, professional, 1)).not.toBe(derivedAssignmentId(request, professional, 0));
  });

  it('is a well-formed UUID v4', () => {
    expect(derivedAssignmentId(request, professional, 3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
