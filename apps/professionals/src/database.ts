import { DatabaseDefinition } from '@coop/platform';
import { AvailabilityWeekEntity } from './availability/availability-week.entity.js';
import { BookingEntity, BookingWeekEntity } from './availability/booking.entity.js';
import { TimeOffEntity } from './availability/time-off.entity.js';
import { ProfessionalEntity } from './professional/professional.entity.js';
import { IndexQueueEntity } from './search/index-queue.entity.js';
import { CreateProfessionals1795678459376 } from './migrations/1795678459376-create-professionals.js';
import { BookingRequest1796127239624 } from './migrations/1796127239624-booking-request.js';
import { SearchIndexStateEntity } from './search/index-state.entity.js';

export const professionalsDatabase: DatabaseDefinition = {
  schema: 'professionals',
  entities: [ProfessionalEntity, TimeOffEntity, BookingEntity, BookingWeekEntity, AvailabilityWeekEntity, IndexQueueEntity, SearchIndexStateEntity],
  migrations: [CreateProfessionals1795678459376, BookingRequest1796127239624],
};
