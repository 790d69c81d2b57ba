import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { COOP_SECTORS, CoopSector, EXPERTISE_DOMAINS, ExpertiseDomain } from '@coop/contracts';
import { Roles } from '../auth/roles.js';

@ApiTags('taxonomies')
@ApiBearerAuth()
@Controller('v1')
export class TaxonomyController {
  @Get('domains')
  @Roles('admin', 'coordinator', 'partner')
  @ApiOperation({ summary: 'The 18 expertise domains with French and English labels' })
  domains(): { items: readonly ExpertiseDomain[] } {
    return { items: EXPERTISE_DOMAINS };
  }

  @Get('sectors')
  @Roles('admin', 'coordinator', 'partner')
  @ApiOperation({ summary: 'The co-op sectors with French and English labels' })
  sectors(): { items: readonly CoopSector[] } {
    return { items: COOP_SECTORS };
  }
}
