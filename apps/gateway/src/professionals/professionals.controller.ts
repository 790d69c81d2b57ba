import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AvailabilityRpc,
  AvailabilityView,
  AvailabilityWindowQuery,
  CreateProfessionalRequest,
  DomainException,
  ListProfessionalsRequest,
  ProfessionalFields,
  ProfessionalPage,
  ProfessionalRpc,
  ProfessionalView,
  TimeOffFields,
  TimeOffRpc,
  TimeOffView,
} from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { Roles } from '../auth/roles.js';

/** A path id that is not a UUID is a 400 naming the parameter, like any other invalid input. */
const uuid = (name: string) =>
  new ParseUUIDPipe({ version: '4', exceptionFactory: () => DomainException.validation([{ field: name, message: `${name} must be a UUID` }]) });

@ApiTags('professionals')
@ApiBearerAuth()
@Controller('v1/professionals')
export class ProfessionalsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Add a professional (409 when the email is taken)' })
  @ApiCreatedResponse({ type: ProfessionalView })
  create(@Body() body: CreateProfessionalRequest): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.create, body);
  }

  @Get()
  @Roles('coordinator')
  @ApiOperation({ summary: 'List professionals, oldest first; filter by domain, language, region, active and words (q)' })
  @ApiOkResponse({ type: ProfessionalPage })
  list(@Query() query: ListProfessionalsRequest): Promise<ProfessionalPage> {
    return this.rpc.send(ProfessionalRpc.list, query);
  }

  @Get(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'One professional' })
  @ApiOkResponse({ type: ProfessionalView })
  get(@Param('id', uuid('id')) id: string): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.get, { id });
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Change a profile (active: false deactivates); a capacity below current bookings is refused (409)' })
  @ApiOkResponse({ type: ProfessionalView })
  update(@Param('id', uuid('id')) id: string, @Body() body: ProfessionalFields): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.update, { ...body, id });
  }

  @Post(':id/time-off')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Record days off (409 when they overlap other time off or leave a week with less capacity than booked)' })
  @ApiCreatedResponse({ type: TimeOffView })
  addTimeOff(@Param('id', uuid('id')) professionalId: string, @Body() body: TimeOffFields): Promise<TimeOffView> {
    return this.rpc.send(TimeOffRpc.create, { ...body, professionalId });
  }

  @Delete(':id/time-off/:timeOffId')
  @HttpCode(204)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Remove days off' })
  @ApiNoContentResponse()
  async removeTimeOff(@Param('id', uuid('id')) professionalId: string, @Param('timeOffId', uuid('timeOffId')) timeOffId: string): Promise<void> {
    await this.rpc.send(TimeOffRpc.delete, { professionalId, timeOffId });
  }

  @Get(':id/availability')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Capacity, booked and free hours per ISO week from `from` to `to`, with totals over exactly that window' })
  @ApiOkResponse({ type: AvailabilityView })
  availability(@Param('id', uuid('id')) professionalId: string, @Query() query: AvailabilityWindowQuery): Promise<AvailabilityView> {
    return this.rpc.send(AvailabilityRpc.weekly, { ...query, professionalId });
  }
}
