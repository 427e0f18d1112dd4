/**
 * The single-write inputs (recordIncident, recordPractice) become bundles, so that they go
 * through the same validation and ingestion as seed files, with the same messages.
 */
import { createHash } from 'node:crypto';
import type { IncidentInput } from './incident.input';
import type { PracticeInput } from './practice.input';
import type { EvidenceInput, SourceInput } from './statement.input';

const orUndefined = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function evidence(list: EvidenceInput[]) {
  return list.map((e) => ({
    source: e.source,
    stance: e.stance,
    claim: e.claim,
    right: orUndefined(e.right),
    alternative: orUndefined(e.alternative),
    claimedBy: orUndefined(e.claimedBy),
    quote: orUndefined(e.quote),
    note: orUndefined(e.note),
  }));
}

function sources(list: SourceInput[] | null | undefined) {
  return (list ?? []).map((s) => ({
    ...s,
    publishedAt: orUndefined(s.publishedAt),
    language: orUndefined(s.language),
    note: orUndefined(s.note),
  }));
}

/** The same incident (kind, date, title, companies) always gets the same id: recording it twice is idempotent. */
export function incidentId(input: IncidentInput): string {
  const key = JSON.stringify([
    input.kind,
    input.date,
    input.title.trim().toLowerCase(),
    [...(input.against ?? [])].sort(),
  ]);
  return `incident-${input.date}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** The bundle is plain data: the bundle schema validates it like any seed file. */
export type BundleData = Record<string, unknown[]>;

export function incidentBundle(input: IncidentInput): { id: string; bundle: BundleData } {
  const id = input.id ?? incidentId(input);
  return {
    id,
    bundle: {
      sources: sources(input.newSources),
      incidents: [
        {
          id,
          kind: input.kind,
          title: input.title,
          date: input.date,
          status: orUndefined(input.status),
          statusHistory: (input.statusHistory ?? []).map((h) => ({
            status: h.status,
            date: h.date,
            note: orUndefined(h.note),
            source: orUndefined(h.source),
          })),
          against: input.against ?? [],
          againstAuthorities: input.againstAuthorities ?? [],
          before: orUndefined(input.before),
          broughtBy: input.broughtBy ?? [],
          // Citations ("Art. 12(5)") become ids in the bundle schema, as in seed files.
          cites: input.cites ?? [],
          concernsPlans: input.concernsPlans ?? [],
          concernsPractices: input.concernsPractices ?? [],
          caseNumber: orUndefined(input.caseNumber),
          outcome: orUndefined(input.outcome),
          amount: orUndefined(input.amount),
          verification: input.verification,
          summary: input.summary,
          sources: evidence(input.sources),
        },
      ],
    },
  };
}

export function practiceBundle(input: PracticeInput, replaces: string | undefined): BundleData {
  return {
    sources: sources(input.newSources),
    practices: [
      {
        id: input.id,
        plans: input.plans,
        purpose: input.purpose,
        scope: input.scope,
        dataCategories: input.dataCategories,
        legalBasis: orUndefined(input.legalBasis),
        default: input.default,
        validFrom: orUndefined(input.validFrom),
        validTo: orUndefined(input.validTo),
        attestedFrom: orUndefined(input.attestedFrom),
        replaces,
        rights: (input.rights ?? []).map((r) => ({
          right: r.right,
          status: r.status,
          mechanism: orUndefined(r.mechanism),
          note: orUndefined(r.note),
          grounds: r.grounds ?? [],
          exceptions: r.exceptions ?? [],
        })),
        verification: input.verification,
        summary: input.summary,
        sources: evidence(input.sources),
      },
    ],
  };
}
