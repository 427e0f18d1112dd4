/**
 * The curators' mutations, the admins' audit log, and the subscriptions dashboards use to
 * learn of new data. Every write needs a curator key.
 */
import { filter, pipe } from '@graphql-yoga/subscription';
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';
import { AppError } from '../../errors';
import type { IngestReport as Report } from '../../graph';
import { requireRole } from '../auth/authenticate';
import type { ApiContext } from '../context';
import {
  eventsInterrupted,
  FINDINGS_CHANGED,
  type FindingsChangedEvent,
  INCIDENT_RECORDED,
  type IncidentRecordedEvent,
  isInterruption,
} from '../events';
import { Incident } from '../entities/incident.type';
import { Practice } from '../entities/practice.type';
import type { OrderKey } from '../translate/projection';
import { mustHold } from '../translate/named-ids';
import { queryConnection, queryNode } from '../translate/root-query';
import { incidentBundle, practiceBundle } from './curation.inputs';
import { predecessorOf, retract, writeBundle } from './curation.service';
import { AuditEntryConnection, AuditLogArgs } from './audit-entry.type';
import { BundleInputScalar } from './bundle-input.scalar';
import { FindingsChange } from './findings-change.type';
import { IncidentInput } from './incident.input';
import { IngestReport } from './ingest-report.type';
import { PracticeInput } from './practice.input';
import { Retraction } from './retraction.type';

function toApiReport(report: Report): IngestReport {
  return {
    dryRun: report.dryRun,
    changes: Object.entries(report.counts).map(([label, c]) => ({ label, ...c })),
    relationshipsWritten: report.relationshipsWritten,
    changedIds: report.changedIds,
    warnings: report.warnings.map((w) => ({
      file: w.file ?? null,
      path: w.path,
      message: w.message,
    })),
    auditId: report.auditId ?? null,
  };
}

const curator = (ctx: ApiContext, what: string) => requireRole(ctx.principal, 'curator', what);

const AUDIT_ORDER: OrderKey[] = [
  { expr: (t) => t.property('at'), direction: 'DESC', kind: 'datetime' },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

/** The node with this label and id, bound to `n`. */
const byId = (label: string, id: string) => (n: Cypher.Node) =>
  new Cypher.Match(
    new Cypher.Pattern(n, { labels: [label], properties: { id: new Cypher.Param(id) } }),
  );

/** Tries of a recordPractice that lost a race to succeed the practice in force. */
const RECORD_ATTEMPTS = 5;

@Resolver()
export class CurationResolver {
  @Authorized('curator')
  @Mutation(() => IngestReport, {
    description:
      'Writes a bundle (the same content as a seed file), all or nothing, idempotent by id. With dryRun, validates and reports what would change.',
  })
  async ingestBundle(
    @Arg('bundle', () => BundleInputScalar, {
      description:
        'The bundle to write, the same content as a seed file; at most 5000 entries across its sections.',
    })
    bundle: unknown,
    @Arg('dryRun', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'True to validate and report what would change, writing nothing.',
    })
    dryRun: boolean,
    @Arg('source', () => String, {
      nullable: true,
      description: 'Where the bundle came from (a file name, a ticket), for the audit trail.',
    })
    source: string | null,
    @Ctx() ctx: ApiContext,
  ): Promise<IngestReport> {
    const principal = curator(ctx, 'ingestBundle');
    return toApiReport(
      await writeBundle(ctx, principal, {
        data: bundle,
        operation: 'ingestBundle',
        source: source ?? 'api',
        dryRun,
      }),
    );
  }

  @Authorized('curator')
  @Mutation(() => Incident, {
    description: 'Records an incident. The same input twice gives one incident.',
  })
  async recordIncident(
    @Arg('input', () => IncidentInput, { description: 'The incident to record.' })
    input: IncidentInput,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const principal = curator(ctx, 'recordIncident');
    const { id, bundle } = incidentBundle(input);
    await writeBundle(ctx, principal, {
      data: bundle,
      operation: 'recordIncident',
      source: input.sources.map((s) => s.source).join(', '),
    });
    return queryNode(ctx, 'recordedIncident', info, byId('Incident', id));
  }

  @Authorized('curator')
  @Mutation(() => Practice, {
    description:
      'Records a practice. When a practice on any of its plans, for the same purpose and an overlapping scope (WORLDWIDE overlaps every scope), is in force, the new one replaces it: the old one is closed on the new validFrom, not overwritten.',
  })
  async recordPractice(
    @Arg('input', () => PracticeInput, { description: 'The practice to record.' })
    input: PracticeInput,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const principal = curator(ctx, 'recordPractice');
    // Without "replaces", the new practice succeeds the one in force on its plans, purpose and
    // scope and must be the only one in force there. Two writes racing for that place: the later
    // one fails with a history CONFLICT (src/graph/ingest.ts) and, tried again, succeeds the
    // earlier one's practice.
    for (let attempt = 1; ; attempt++) {
      const replaces = input.replaces ?? (await predecessorOf(ctx, input));
      try {
        await writeBundle(ctx, principal, {
          data: practiceBundle(input, replaces),
          operation: 'recordPractice',
          source: input.sources.map((s) => s.source).join(', '),
          exclusive: input.replaces ? [] : [input.id],
        });
        break;
      } catch (error) {
        const raced = error instanceof AppError && error.extensions.conflict === 'history';
        if (!raced || input.replaces || attempt >= RECORD_ATTEMPTS) throw error;
      }
    }
    return queryNode(ctx, 'recordedPractice', info, byId('Practice', input.id));
  }

  @Authorized('curator')
  @Mutation(() => Retraction, {
    description:
      'Marks a practice or incident as retracted, with who, when and why. Nothing is deleted: a retracted practice still answers for the dates before its retraction, and the audit log keeps it.',
  })
  async retract(
    @Arg('id', () => ID, {
      description: 'The id of the practice or incident, e.g. "garante-deepseek-order-2025".',
    })
    id: string,
    @Arg('reason', { description: 'Why it is retracted, in 1 to 1000 characters.' })
    reason: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Retraction> {
    const principal = curator(ctx, 'retract');
    const outcome = await retract(ctx, principal, id, reason);
    return {
      id,
      label: outcome.label,
      retractedAt: new Date(outcome.retractedAt),
      reason: reason.trim(),
      auditId: outcome.auditId,
    };
  }

  @Authorized('admin')
  @Query(() => AuditEntryConnection, {
    description: 'Every write, newest first: who (key id), when, what, from where. Admins only.',
  })
  async auditLog(
    @Args() _args: AuditLogArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return queryConnection(
      ctx,
      'auditLog',
      info,
      AUDIT_ORDER,
      (n) => new Cypher.Match(new Cypher.Pattern(n, { labels: ['AuditEntry'] })),
    );
  }

  @Subscription(() => Incident, {
    topics: INCIDENT_RECORDED,
    description:
      'Each incident recorded after subscribing. With replicas sharing events through Redis, a subscription that Redis fails under (or that starts while it is away) answers EVENTS_INTERRUPTED and ends: events may have been missed.',
  })
  async incidentRecorded(
    @Root() event: IncidentRecordedEvent,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (isInterruption(event)) throw eventsInterrupted();
    // The incident may have been written through another replica: read after its write.
    const after = { ...ctx, db: ctx.db.afterBookmarks(event.bookmarks ?? []) };
    return queryNode(after, 'incidentRecorded', info, byId('Incident', event.id));
  }

  @Subscription(() => FindingsChange, {
    // `subscribe`, not `topics` and `filter`: a company the graph does not hold is refused when
    // the client subscribes (NOT_FOUND), where a filter would wait for ever for its events.
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { company?: string | null }, ApiContext>) => {
      const { company } = args;
      if (!company) return context.events.subscribe(FINDINGS_CHANGED);
      await mustHold(context.db, 'findingsChangedCompany', [
        { argument: 'company', label: 'Company', ids: [company] },
      ]);
      return pipe(
        context.events.subscribe(FINDINGS_CHANGED),
        filter(
          (event: FindingsChangedEvent) => isInterruption(event) || event.companyId === company,
        ),
      );
    },
    description:
      'When a write makes findings of a company appear or go away. With replicas sharing events through Redis, a subscription that Redis fails under (or that starts while it is away) answers EVENTS_INTERRUPTED and ends: events may have been missed.',
  })
  findingsChanged(
    @Root() event: FindingsChangedEvent,
    @Arg('company', () => ID, {
      nullable: true,
      description:
        'Only this company. An id the graph does not hold is refused when subscribing (NOT_FOUND).',
    })
    _company: string | null,
  ): FindingsChange {
    if (isInterruption(event)) throw eventsInterrupted();
    return event;
  }
}
