// Circles API: create, list (with invitations to you), one circle, invite / answer, leave, pipeline.
import type { z } from 'zod';
import {
  CircleInvitationSchema,
  CircleListSchema,
  CirclePipelineSchema,
  CircleSchema,
} from '@contract/circles.contract.ts';
import { call } from '../../../lib/api-client.ts';

const seg = encodeURIComponent;

export type Circle = z.output<typeof CircleSchema>;
export type CircleList = z.output<typeof CircleListSchema>;
export type CircleInvitation = z.output<typeof CircleInvitationSchema>;
export type CirclePipeline = z.output<typeof CirclePipelineSchema>;

export const listCircles = async () => (await call('GET', '/circles', CircleListSchema)).data;

export const getCircle = async (id: string) =>
  (await call('GET', `/circles/${seg(id)}`, CircleSchema)).data;

export const createCircle = async (body: { name: string; description?: string }) =>
  (await call('POST', '/circles', CircleSchema, { body })).data;

export const inviteToCircle = async (id: string, orgId: string) =>
  (
    await call('POST', `/circles/${seg(id)}/invitations`, CircleInvitationSchema, {
      body: { orgId },
    })
  ).data;

export const answerInvitation = async (
  circleId: string,
  invitationId: string,
  action: 'accept' | 'decline' | 'revoke',
) =>
  (
    await call(
      'POST',
      `/circles/${seg(circleId)}/invitations/${seg(invitationId)}/${action}`,
      CircleInvitationSchema,
    )
  ).data;

export const leaveCircle = async (id: string): Promise<void> => {
  await call('POST', `/circles/${seg(id)}/leave`, null);
};

export const circlePipeline = async (id: string) =>
  (await call('GET', `/circles/${seg(id)}/pipeline`, CirclePipelineSchema)).data;
