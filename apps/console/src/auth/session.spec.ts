import { describe, expect, it } from '@jest/globals';
import { clearSession, homePath, mayUseConsole, readSession, saveSession, type Session } from './session';

const session: Session = { apiKey: 'cem_live_x', role: 'partner', credentialId: 'c1', memberId: 'm1', memberName: 'Fédération' };

describe(readSession.name, () => {
  it('reads back what was saved in this tab, and nothing once cleared', () => {
    const sut = window.sessionStorage;

    saveSession(session, sut);
    expect(readSession(sut)).toEqual(session);
    clearSession(sut);
    expect(readSession(sut)).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    window.sessionStorage.setItem('coop.console.session', '{not json');

    expect(readSession()).toBeUndefined();
  });
});

describe(mayUseConsole.name, () => {
  it('lets coordinators and partners in, not admin keys', () => {
    expect([mayUseConsole('coordinator'), mayUseConsole('partner'), mayUseConsole('admin')]).toEqual([true, true, false]);
    expect([homePath('coordinator'), homePath('partner')]).toEqual(['/queue', '/requests']);
  });
});
