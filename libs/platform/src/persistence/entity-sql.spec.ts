import { statementWith } from './entity-sql.js';

describe(statementWith.name, () => {
  it('runs the statements along as CTEs before the main one, each numbering its parameters after those before it', () => {
    const tenColumns = { text: `INSERT INTO a VALUES (${Array.from({ length: 10 }, (_, i) => `$${i + 1}`).join(', ')})`, values: Array.from({ length: 10 }, (_, i) => i + 1) };
    const event = { text: 'INSERT INTO outbox_event (id, envelope) VALUES ($1, $2)', values: ['e1', '{}'] };

    const statement = statementWith([tenColumns, event], (param) => `UPDATE r SET status = ${param('assigned')} WHERE id = ${param('r1')}`);

    expect(statement.text).toBe(
      'WITH along1 AS (INSERT INTO a VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)), along2 AS (INSERT INTO outbox_event (id, envelope) VALUES ($11, $12)) UPDATE r SET status = $13 WHERE id = $14',
    );
    expect(statement.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'e1', '{}', 'assigned', 'r1']);
  });

  it('is the main statement alone when nothing goes along', () => {
    expect(statementWith([], (param) => `DELETE FROM r WHERE id = ${param('r1')}`)).toEqual({ text: 'DELETE FROM r WHERE id = $1', values: ['r1'] });
  });
});
