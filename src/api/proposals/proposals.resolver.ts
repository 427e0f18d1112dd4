/**
 * Proposals and their review. Contributors (and curators) propose a bundle, a practice or an
 * incident; curators list proposals, read each one's diff against the graph, and approve or
 * reject it. Readers see none of it.
 */
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireRole } from '../auth/authenticate';
import type { ApiContext } from '../context';
import { BundleInputScalar } from '../curation/bundle-input.scalar';
import { IncidentInput } from '../curation/incident.input';
import { PracticeInput } from '../curation/practice.input';
import { ProposalDiff } from './proposal-diff.type';
import { Proposal, ProposalConnection } from './proposal.type';
import { ProposalsArgs } from './proposals.args';
import {
  approve,
  incidentSubmission,
  type ProposalPage,
  practiceSubmission,
  propose,
  proposalDiff,
  proposalPage,
  reject,
  storedBundle,
  visibleProposal,
} from './proposals.service';

const contributor = (ctx: ApiContext, what: string) =>
  requireRole(ctx.principal, 'contributor', what);
const curator = (ctx: ApiContext, what: string) => requireRole(ctx.principal, 'curator', what);

const NOTE = {
  description: 'What is proposed and why, for the curator who reviews it (1 to 2000 characters).',
};

@Resolver(() => Proposal)
export class ProposalsResolver {
  @Authorized('contributor')
  @Mutation(() => Proposal, {
    description:
      'Proposes a bundle (what ingestBundle takes) for review. It is validated exactly as that write would be, with the same problems on refusal, and stored out of the graph: no question sees it until a curator approves it.',
  })
  async proposeBundle(
    @Arg('bundle', () => BundleInputScalar, {
      description: 'The bundle to propose, as ingestBundle takes it.',
    })
    bundle: unknown,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    const principal = contributor(ctx, 'proposeBundle');
    return propose(ctx, principal, { kind: 'BUNDLE', data: bundle, note });
  }

  @Authorized('contributor')
  @Mutation(() => Proposal, {
    description:
      'Proposes a practice (what recordPractice takes) for review, its predecessor found as recordPractice would find it now.',
  })
  async proposePractice(
    @Arg('input', () => PracticeInput, {
      description: 'The practice to propose, as recordPractice takes it.',
    })
    input: PracticeInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    const principal = contributor(ctx, 'proposePractice');
    return propose(ctx, principal, await practiceSubmission(ctx, input, note));
  }

  @Authorized('contributor')
  @Mutation(() => Proposal, {
    description: 'Proposes an incident (what recordIncident takes) for review.',
  })
  async proposeIncident(
    @Arg('input', () => IncidentInput, {
      description: 'The incident to propose, as recordIncident takes it.',
    })
    input: IncidentInput,
    @Arg('note', NOTE) note: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    const principal = contributor(ctx, 'proposeIncident');
    return propose(ctx, principal, incidentSubmission(input, note));
  }

  @Authorized('contributor')
  @Query(() => ProposalConnection, {
    description:
      'Proposals, oldest first (the review queue): every proposal for curators, its own for a contributor key.',
  })
  async proposals(@Args() args: ProposalsArgs, @Ctx() ctx: ApiContext): Promise<ProposalPage> {
    return proposalPage(ctx, contributor(ctx, 'proposals'), args);
  }

  @Authorized('contributor')
  @Query(() => Proposal, {
    description:
      "One proposal; NOT_FOUND for an unknown id, and for another key's proposal when the caller is not a curator.",
  })
  async proposal(
    @Arg('id', () => ID, { description: "The proposal's id." }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    return visibleProposal(ctx, contributor(ctx, 'proposal'), id);
  }

  @Authorized('curator')
  @Mutation(() => Proposal, {
    description:
      "Writes a proposal as ingestBundle would, all or nothing, with an audit entry naming the reviewer (keyId) and the proposer (proposerKeyId). Not one's own proposal (FORBIDDEN); only a PENDING one (CONFLICT). A stale proposal (the graph changed under it) needs acknowledgeStale.",
  })
  async approveProposal(
    @Arg('id', () => ID, { description: "The proposal's id." }) id: string,
    @Arg('acknowledgeStale', () => String, {
      nullable: true,
      description:
        "The graphState of the proposal's diff, as reviewed: needed when the proposal is stale, and refused (CONFLICT) when the graph changed since.",
    })
    acknowledgeStale: string | null,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    return approve(ctx, curator(ctx, 'approveProposal'), id, acknowledgeStale ?? null);
  }

  @Authorized('curator')
  @Mutation(() => Proposal, {
    description:
      "Rejects a proposal with a reason the proposer can read; nothing is written. Not one's own proposal (FORBIDDEN); only a PENDING one (CONFLICT).",
  })
  async rejectProposal(
    @Arg('id', () => ID, { description: "The proposal's id." }) id: string,
    @Arg('reason', { description: 'Why, in 1 to 1000 characters.' }) reason: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Proposal> {
    return reject(ctx, curator(ctx, 'rejectProposal'), id, reason);
  }

  @FieldResolver(() => ProposalDiff, {
    description:
      'The proposal against the graph as it is now, entity by entity and field by field.',
  })
  async diff(@Root() proposal: Proposal, @Ctx() ctx: ApiContext): Promise<ProposalDiff> {
    return proposalDiff(ctx, proposal.id);
  }

  @FieldResolver(() => BundleInputScalar, {
    description: 'The bundle as proposed (a practice or incident as the bundle it becomes).',
  })
  async bundle(@Root() proposal: Proposal, @Ctx() ctx: ApiContext): Promise<unknown> {
    return storedBundle(ctx, proposal.id);
  }
}
