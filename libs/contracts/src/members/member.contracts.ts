import { defineEvent } from '../messaging/event-contract.js';
import { defineRpc } from '../messaging/rpc-contract.js';
import {
  CreateMemberRequest,
  ListMembersRequest,
  MemberIdRequest,
  MemberPage,
  MemberRegisteredEvent,
  MemberUpdatedEvent,
  MemberView,
  UpdateMemberRequest,
} from './member.dto.js';

export const MemberRpc = {
  create: defineRpc('members.member.create.v1', CreateMemberRequest, MemberView),
  get: defineRpc('members.member.get.v1', MemberIdRequest, MemberView),
  list: defineRpc('members.member.list.v1', ListMembersRequest, MemberPage),
  update: defineRpc('members.member.update.v1', UpdateMemberRequest, MemberView),
} as const;

const byMember = (event: { memberId: string }): string => `member:${event.memberId}`;

export const MemberEvents = {
  registered: defineEvent('events.member.registered.v1', MemberRegisteredEvent, byMember),
  updated: defineEvent('events.member.updated.v1', MemberUpdatedEvent, byMember),
} as const;
