import { describe, expect, it } from '@jest/globals';
import { bookedShare, heatLevel } from './heat';

describe(heatLevel.name, () => {
  it.each([
    [0, 35, 'free'],
    [10, 35, 'low'],
    [20, 35, 'medium'],
    [30, 35, 'high'],
    [35, 35, 'full'],
    [0, 0, 'none'],
    [5, 0, 'full'],
  ])('%d h booked of %d h is %s', (bookedHours, capacityHours, level) => {
    expect(heatLevel({ bookedHours, capacityHours })).toBe(level);
  });
});

describe(bookedShare.name, () => {
  it('is the booked share of the capacity left after days off', () => {
    expect(bookedShare({ bookedHours: 14, capacityHours: 28 })).toBe(0.5);
  });
});
