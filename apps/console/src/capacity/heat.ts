import type { Schemas } from '../api/client';

export type Cell = Schemas['CapacityCell'];
export type HeatLevel = 'free' | 'low' | 'medium' | 'high' | 'full' | 'none';

/** Booked share of the week's capacity (1 when a week without capacity has bookings). */
export function bookedShare(cell: Pick<Cell, 'bookedHours' | 'capacityHours'>): number {
  if (cell.capacityHours <= 0) return cell.bookedHours > 0 ? 1 : 0;
  return cell.bookedHours / cell.capacityHours;
}

/** The colour band of a cell: nothing booked, up to a third, two thirds, nearly full, full; `none` when there is no capacity. */
export function heatLevel(cell: Pick<Cell, 'bookedHours' | 'capacityHours'>): HeatLevel {
  if (cell.capacityHours <= 0 && cell.bookedHours <= 0) return 'none';
  const share = bookedShare(cell);
  if (share <= 0) return 'free';
  if (share < 1 / 3) return 'low';
  if (share < 2 / 3) return 'medium';
  if (share < 1) return 'high';
  return 'full';
}
