import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AvailabilityRpc,
  AvailabilityView,
  AvailabilityWindowQuery,
  CapacityGridQuery,
  CapacityGridView,
  CreateProfessionalRequest,
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
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';

@ApiTags('professionals')
@Controller('v1/professionals')
export class ProfessionalsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Add a professional (409 when the email is taken)' })
  @ApiCreatedResponse({ type: ProfessionalView })
  @ApiProblems(400, 409)
  create(@Body() body: CreateProfessionalRequest): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.create, body);
  }

  @Get()
  @Roles('coordinator')
  @ApiOperation({ summary: 'List professionals, oldest first; filter by domain, language, region, active and words (q)' })
  @ApiOkResponse({ type: ProfessionalPage })
  @ApiProblems(400)
  list(@Query() query: ListProfessionalsRequest): Promise<ProfessionalPage> {
    return this.rpc.send(ProfessionalRpc.list, query);
  }

  @Get('capacity')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Capacity heat map: a page of professionals (the list’s filters) x `weeks` ISO weeks from the week of `from`',
    description: 'Each cell has the week’s capacity, booked hours, working days off and the bookings in it. One call for the whole grid.',
  })
  @ApiOkResponse({ type: CapacityGridView })
  @ApiProblems(400)
  capacity(@Query() query: CapacityGridQuery): Promise<CapacityGridView> {
    return this.rpc.send(AvailabilityRpc.capacityGrid, query);
  }

  @Get(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'One professional' })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.get, { id });
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Change a profile (active: false deactivates); a weekly capacity below what is booked is refused (409)' })
  @ApiOkResponse({ type: ProfessionalView })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() body: ProfessionalFields): Promise<ProfessionalView> {
    return this.rpc.send(ProfessionalRpc.update, { ...body, id });
  }

  @Post(':id/time-off')
  @HttpCode(201)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Record days off (409 when they overlap other time off or leave a week with less capacity than booked)' })
  @ApiCreatedResponse({ type: TimeOffView })
  @ApiProblems(400, 404, 409)
  addTimeOff(@IdParam() professionalId: string, @Body() body: TimeOffFields): Promise<TimeOffView> {
    return this.rpc.send(TimeOffRpc.create, { ...body, professionalId });
  }

  @Delete(':id/time-off/:timeOffId')
  @HttpCode(204)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Remove days off' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async removeTimeOff(@IdParam() professionalId: string, @IdParam('timeOffId') timeOffId: string): Promise<void> {
    await this.rpc.send(TimeOffRpc.delete, { professionalId, timeOffId });
  }

  @Get(':id/availability')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Capacity, booked and free hours per ISO week from `from` to `to`, with totals over exactly that window' })
  @ApiOkResponse({ type: AvailabilityView })
  @ApiProblems(400, 404)
  availability(@IdParam() professionalId: string, @Query() query: AvailabilityWindowQuery): Promise<AvailabilityView> {
    return this.rpc.send(AvailabilityRpc.weekly, { ...query, professionalId });
  }
}
