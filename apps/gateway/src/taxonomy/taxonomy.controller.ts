import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { COOP_SECTOR_CODES, COOP_SECTORS, CoopSector, EXPERTISE_DOMAIN_CODES, EXPERTISE_DOMAINS, ExpertiseDomain } from '@coop/contracts';
import { Roles } from '../auth/roles.js';

class TaxonomyLabels {
  @ApiProperty({ example: 'Droit et affaires juridiques' })
  fr: string;
  @ApiProperty({ example: 'Legal' })
  en: string;
}

class ExpertiseDomainEntry {
  @ApiProperty({ enum: EXPERTISE_DOMAIN_CODES, enumName: 'ExpertiseDomainCode' })
  code: string;
  @ApiProperty({ type: TaxonomyLabels })
  labels: TaxonomyLabels;
}

class CoopSectorEntry {
  @ApiProperty({ enum: COOP_SECTOR_CODES, enumName: 'CoopSectorCode' })
  code: string;
  @ApiProperty({ type: TaxonomyLabels })
  labels: TaxonomyLabels;
}

class ExpertiseDomainList {
  @ApiProperty({ type: [ExpertiseDomainEntry] })
  items: readonly ExpertiseDomain[];
}

class CoopSectorList {
  @ApiProperty({ type: [CoopSectorEntry] })
  items: readonly CoopSector[];
}

@ApiTags('taxonomies')
@Controller('v1')
export class TaxonomyController {
  @Get('domains')
  @Roles('admin', 'coordinator', 'partner')
  @ApiOperation({ summary: 'The 18 expertise domains with French and English labels' })
  @ApiOkResponse({ type: ExpertiseDomainList })
  domains(): ExpertiseDomainList {
    return { items: EXPERTISE_DOMAINS };
  }

  @Get('sectors')
  @Roles('admin', 'coordinator', 'partner')
  @ApiOperation({ summary: 'The co-op sectors with French and English labels' })
  @ApiOkResponse({ type: CoopSectorList })
  sectors(): CoopSectorList {
    return { items: COOP_SECTORS };
  }
}
