import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { Field } from './Field';

describe(Field.name, () => {
  it('labels its control and ties the hint and the API’s message to it', () => {
    render(
      <Field label="Title" hint="3 to 200 characters" error="title must be longer than or equal to 3 characters">
        <input defaultValue="ab" />
      </Field>,
    );

    const sut = screen.getByLabelText('Title');
    expect(sut.getAttribute('aria-invalid')).toBe('true');
    const described = (sut.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['3 to 200 characters', 'title must be longer than or equal to 3 characters']);
  });

  it('is valid without an error', () => {
    render(
      <Field label="Region">
        <input />
      </Field>,
    );

    expect(screen.getByLabelText('Region').hasAttribute('aria-invalid')).toBe(false);
  });
});
