import { describe, expect, it } from '@jest/globals';
import { csvAmount, csvField, toCsv } from './csv';

describe(toCsv.name, () => {
  it('writes a header and rows with CRLF, quoting what needs it, readable as UTF-8 by spreadsheets', () => {
    const sut = toCsv(['Demande', 'Montant'], [['Révision, « urgente »', csvAmount(1234.5)], ['Dit "oui"\nensuite', csvAmount(3)]]);

    expect(sut).toBe('\uFEFFDemande,Montant\r\n"Révision, « urgente »",1234.50\r\n"Dit ""oui""\nensuite",3.00\r\n');
  });
});

describe(csvField.name, () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Analyse du jugement')).toBe('Analyse du jugement');
  });
});
