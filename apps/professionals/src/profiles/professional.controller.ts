import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AvailabilityRpc,
  CapacityGridQuery,
  CapacityGridView,
  CreateProfessionalRequest,
  ImportProfessionalsRequest,
  ImportProfessionalsResult,
  ListProfessionalsRequest,
  ProfessionalContactRequest,
  ProfessionalContactRpc,
  ProfessionalContactView,
  ProfessionalIdRequest,
  ProfessionalIdsRequest,
  ProfessionalList,
  ProfessionalPage,
  ProfessionalRpc,
  ProfessionalView,
  UpdateProfessionalRequest,
} from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { CapacityGridService } from './capacity-grid.service.js';
import { ProfessionalService } from './professional.service.js';

@Controller()
export class ProfessionalController {
  constructor(
    private readonly professionals: ProfessionalService,
    private readonly capacity: CapacityGridService,
  ) {}

  @RpcHandler(AvailabilityRpc.capacityGrid)
  capacityGrid(@Payload() query: CapacityGridQuery): Promise<CapacityGridView> {
    return this.capacity.grid(query);
  }

  @RpcHandler(ProfessionalRpc.create)
  create(@Payload() request: CreateProfessionalRequest): Promise<ProfessionalView> {
    return this.professionals.create(request);
  }

  @RpcHandler(ProfessionalRpc.get)
  get(@Payload() request: ProfessionalIdRequest): Promise<ProfessionalView> {
    return this.professionals.get(request.id);
  }

  @RpcHandler(ProfessionalRpc.getMany)
  async getMany(@Payload() request: ProfessionalIdsRequest): Promise<ProfessionalList> {
    return { items: await this.professionals.getMany(request.ids) };
  }

  @RpcHandler(ProfessionalRpc.update)
  update(@Payload() request: UpdateProfessionalRequest): Promise<ProfessionalView> {
    return this.professionals.update(request);
  }

  @RpcHandler(ProfessionalRpc.list)
  list(@Payload() request: ListProfessionalsRequest): Promise<ProfessionalPage> {
    return this.professionals.list(request);
  }

  @RpcHandler(ProfessionalRpc.import)
  import(@Payload() request: ImportProfessionalsRequest): Promise<ImportProfessionalsResult> {
    return this.professionals.import(request);
  }

  @RpcHandler(ProfessionalContactRpc)
  contact(@Payload() request: ProfessionalContactRequest): Promise<ProfessionalContactView> {
    return this.professionals.contact(request.professionalId);
  }
}
