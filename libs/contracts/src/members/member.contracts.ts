import { defineEvent } from '../messaging/event-contract.js';
import { defineRpc } from '../messaging/rpc-contract.js';
import { CreateMemberRequest, ListMembersRequest, MemberIdRequest, MemberPage, MemberRegisteredEvent, MemberView } from './member.dto.js';

export const MemberRpc = {
  create: defineRpc('members.member.create.v1', CreateMemberRequest, MemberView),
  get: defineRpc('members.member.get.v1', MemberIdRequest, MemberView),
  list: defineRpc('members.member.list.v1', ListMembersRequest, MemberPage),
} as const;

export const MemberEvents = {
  registered: defineEvent('events.member.registered.v1', MemberRegisteredEvent),
} as const;
