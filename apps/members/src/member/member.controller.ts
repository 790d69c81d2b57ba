import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateMemberRequest, ListMembersRequest, MemberIdRequest, MemberPage, MemberRpc, MemberView, UpdateMemberRequest } from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { MemberService } from './member.service.js';

@Controller()
export class MemberController {
  constructor(private readonly members: MemberService) {}

  @RpcHandler(MemberRpc.create)
  create(@Payload() request: CreateMemberRequest): Promise<MemberView> {
    return this.members.create(request);
  }

  @RpcHandler(MemberRpc.update)
  update(@Payload() request: UpdateMemberRequest): Promise<MemberView> {
    return this.members.update(request);
  }

  @RpcHandler(MemberRpc.get)
  get(@Payload() request: MemberIdRequest): Promise<MemberView> {
    return this.members.get(request.id);
  }

  @RpcHandler(MemberRpc.list)
  list(@Payload() request: ListMembersRequest): Promise<MemberPage> {
    return this.members.list(request);
  }
}
