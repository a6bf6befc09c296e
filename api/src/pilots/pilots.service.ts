import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Pilot, PilotDetail, PilotsDashboard, ProofPoint } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { CreatePilotDto, CreateProofPointDto, ListPilotsDto, TellPilotResultDto, UpdatePilotDto, UpdateProofPointDto } from './dto/pilot.dto';
import { endsBeforeStart, resultsOwed, unitWithoutValue } from './pilot-rules';
import { mapPilot, mapPilotDetail, mapProofPoint } from './pilot.mapper';
import { PilotsRepository } from './pilots.repository';

// Who, when, how far along and which function are kept in the audit trail; the name and scope are words, named only.
const PILOT_AUDITABLE_FIELDS = ['sponsorId', 'businessFunction', 'startOn', 'endOn', 'status', 'askedBy'] as const;
// The result is words, named only; its day and number are kept.
const PROOF_POINT_AUDITABLE_FIELDS = ['pilotId', 'observedOn', 'value', 'unit'] as const;

function pilotAuditFields(pilot: Pilot): Record<string, unknown> {
  return {
    sponsorId: pilot.sponsor?.id ?? null,
    businessFunction: pilot.businessFunction,
    startOn: pilot.startOn,
    endOn: pilot.endOn,
    status: pilot.status,
    askedBy: pilot.askedBy.map((asker) => asker.stakeholder.id).sort(),
    name: pilot.name,
    scope: pilot.scope,
  };
}

function proofPointAuditFields(proof: ProofPoint): Record<string, unknown> {
  return { pilotId: proof.pilotId, observedOn: proof.observedOn, value: proof.value, unit: proof.unit, result: proof.result };
}

/** The people a pilot is about: its sponsor and every leader who asked for proof of it. */
function peopleOf(pilot: Pilot): string[] {
  return [...(pilot.sponsor ? [pilot.sponsor.id] : []), ...pilot.askedBy.map((asker) => asker.stakeholder.id)];
}

@Injectable()
export class PilotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilots: PilotsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(query: ListPilotsDto): Promise<Page<Pilot>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.pilots.list(query, page, pageSize);
    return { items: rows.map(mapPilot), total, totalIsEstimate: false, page, pageSize };
  }

  /** Two statements: the pilot with its askers and latest proof, and every proof point. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PilotDetail> {
    const [row, proofPoints] = await Promise.all([this.pilots.findById(id, manager), this.pilots.proofPoints(id, manager)]);
    if (!row) throw notFound('Pilot');
    return mapPilotDetail(row, proofPoints);
  }

  /** One statement: running pilots, and the leaders still owed a pilot's latest result. */
  async dashboard(): Promise<PilotsDashboard> {
    const pilots = (await this.pilots.forDashboard()).map(mapPilot);
    return { running: pilots.filter((pilot) => pilot.status === 'running'), resultsOwed: resultsOwed(pilots) };
  }

  async create(actor: Actor, input: CreatePilotDto): Promise<PilotDetail> {
    const sponsorId = input.sponsorId ?? null;
    const askedBy = input.askedBy ?? [];
    if (endsBeforeStart(input.startOn ?? null, input.endOn ?? null)) throw invalidField('endOn', 'must be on or after startOn');
    return this.dataSource.transaction(async (manager) => {
      await this.lockPeople(manager, sponsorId, askedBy);
      const id = await this.pilots.insert(manager, {
        name: input.name,
        sponsor_id: sponsorId,
        business_function: input.businessFunction ?? null,
        scope: input.scope ?? null,
        start_on: input.startOn ?? null,
        end_on: input.endOn ?? null,
        status: input.status ?? 'proposed',
      });
      await this.pilots.replaceAskers(manager, id, askedBy);
      const created = await this.get(id, manager);
      await this.recordPilot(actor, manager, 'pilot.create', created, auditableChanges(null, pilotAuditFields(created), PILOT_AUDITABLE_FIELDS));
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdatePilotDto): Promise<PilotDetail> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      const sponsorId = input.sponsorId !== undefined ? input.sponsorId : (current.sponsor?.id ?? null);
      const askedBy = input.askedBy ?? current.askedBy.map((asker) => asker.stakeholder.id);
      await this.lockPeople(manager, sponsorId, askedBy, peopleOf(current));
      if (!(await this.pilots.lock(manager, id))) throw notFound('Pilot');
      if (current.version !== version) throw versionConflict(current);
      const startOn = input.startOn !== undefined ? input.startOn : current.startOn;
      const endOn = input.endOn !== undefined ? input.endOn : current.endOn;
      if (endsBeforeStart(startOn, endOn)) throw invalidField(input.endOn !== undefined ? 'endOn' : 'startOn', input.endOn !== undefined ? 'must be on or after startOn' : 'must be on or before endOn');
      const changed = await this.pilots.updateIfVersion(manager, id, version, {
        name: input.name,
        sponsor_id: input.sponsorId,
        business_function: input.businessFunction,
        scope: input.scope,
        start_on: input.startOn,
        end_on: input.endOn,
        status: input.status,
      });
      if (!changed) throw versionConflict(await this.get(id, manager));
      if (input.askedBy) await this.pilots.replaceAskers(manager, id, input.askedBy);
      const updated = await this.get(id, manager);
      const changes = auditableChanges(pilotAuditFields(current), pilotAuditFields(updated), PILOT_AUDITABLE_FIELDS);
      await this.recordPilot(actor, manager, 'pilot.update', updated, changes, current);
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      await this.writeLock.lock(manager, peopleOf(existing));
      await this.deletedItems.hold(manager, actor, 'pilot', id, existing.name);
      if (!(await this.pilots.delete(manager, id))) throw notFound('Pilot');
      const changes = auditableChanges(null, pilotAuditFields(existing), PILOT_AUDITABLE_FIELDS);
      await this.recordPilot(actor, manager, 'pilot.delete', existing, { before: changes.after, after: null });
    });
  }

  async addProofPoint(actor: Actor, pilotId: string, input: CreateProofPointDto): Promise<ProofPoint> {
    const value = input.value ?? null;
    const unit = input.unit ?? null;
    if (unitWithoutValue(value, unit)) throw invalidField('unit', 'needs a value: send the number it counts, or leave the unit out');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.pilots.lock(manager, pilotId))) throw notFound('Pilot');
      const id = await this.pilots.insertProofPoint(manager, pilotId, { observed_on: input.observedOn, result: input.result, value, unit });
      const created = await this.getProofPoint(id, manager);
      await this.recordProofPoint(actor, manager, 'pilot_proof_point.create', created, auditableChanges(null, proofPointAuditFields(created), PROOF_POINT_AUDITABLE_FIELDS));
      return created;
    });
  }

  async updateProofPoint(actor: Actor, id: string, version: number, input: UpdateProofPointDto): Promise<ProofPoint> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.getProofPoint(id, manager);
      await this.pilots.lock(manager, current.pilotId);
      if (current.version !== version) throw versionConflict(await this.getProofPoint(id, manager));
      const value = input.value !== undefined ? input.value : current.value;
      const unit = input.unit !== undefined ? input.unit : current.unit;
      if (unitWithoutValue(value, unit)) {
        throw input.unit !== undefined
          ? invalidField('unit', 'needs a value: send the number it counts, or leave the unit out')
          : invalidField('value', `is still needed by its unit (${unit}): clear the unit too, or send a number`);
      }
      const changed = await this.pilots.updateProofPointIfVersion(manager, id, version, {
        observed_on: input.observedOn,
        result: input.result,
        value: input.value,
        unit: input.unit,
      });
      if (!changed) throw versionConflict(await this.getProofPoint(id, manager));
      const updated = await this.getProofPoint(id, manager);
      const changes = auditableChanges(proofPointAuditFields(current), proofPointAuditFields(updated), PROOF_POINT_AUDITABLE_FIELDS);
      await this.recordProofPoint(actor, manager, 'pilot_proof_point.update', updated, changes);
      return updated;
    });
  }

  async removeProofPoint(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.getProofPoint(id, manager);
      await this.pilots.lock(manager, existing.pilotId);
      await this.deletedItems.hold(manager, actor, 'proof_point', id, existing.result.slice(0, 120));
      if (!(await this.pilots.deleteProofPoint(manager, id))) throw notFound('Proof point');
      const changes = auditableChanges(null, proofPointAuditFields(existing), PROOF_POINT_AUDITABLE_FIELDS);
      await this.recordProofPoint(actor, manager, 'pilot_proof_point.delete', existing, { before: changes.after, after: null });
    });
  }

  /** Marks that a leader who asked for proof heard a result (the latest unless another is named). */
  async tell(actor: Actor, pilotId: string, input: TellPilotResultDto): Promise<PilotDetail> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.writeLock.lock(manager, [input.stakeholderId]);
      if (!found.has(input.stakeholderId)) throw invalidField('stakeholderId', 'is not a known stakeholder');
      if (!(await this.pilots.lock(manager, pilotId))) throw notFound('Pilot');
      const pilot = await this.get(pilotId, manager);
      if (!pilot.askedBy.some((asker) => asker.stakeholder.id === input.stakeholderId)) {
        throw invalidField('stakeholderId', 'did not ask for proof of this pilot: add them to askedBy first');
      }
      const proof = input.proofPointId ? pilot.proofPoints.find((point) => point.id === input.proofPointId) : pilot.proofPoints[0];
      if (!proof) {
        throw input.proofPointId
          ? invalidField('proofPointId', 'is not a result of this pilot')
          : invalidField('proofPointId', 'cannot default to the latest result: this pilot has none yet');
      }
      if (input.toldOn !== undefined && input.toldOn < proof.observedOn) {
        throw invalidField('toldOn', `must not be before the result was observed (${proof.observedOn})`);
      }
      await this.pilots.markTold(manager, pilotId, input.stakeholderId, proof.id, input.toldOn ?? null);
      const told = await this.get(pilotId, manager);
      const asker = told.askedBy.find((entry) => entry.stakeholder.id === input.stakeholderId)!;
      await this.audit.record(
        actor,
        {
          action: 'pilot.told',
          entityType: 'pilot',
          entityId: pilotId,
          stakeholderId: input.stakeholderId,
          after: { proofPointId: proof.id, toldOn: asker.toldOn, latest: asker.toldLatest },
        },
        manager,
      );
      return told;
    });
  }

  private async getProofPoint(id: string, manager: EntityManager): Promise<ProofPoint> {
    const row = await this.pilots.findProofPoint(id, manager);
    if (!row) throw notFound('Proof point');
    return mapProofPoint(row);
  }

  /** Locks the sponsor and askers (and the people a change moves away from): 409 when any was erased, 400 naming an unknown one. */
  private async lockPeople(manager: EntityManager, sponsorId: string | null, askedBy: string[], alsoLock: string[] = []): Promise<void> {
    const found = await this.writeLock.lock(manager, [sponsorId, ...askedBy, ...alsoLock]);
    if (sponsorId !== null && !found.has(sponsorId)) throw invalidField('sponsorId', 'is not a known stakeholder');
    const unknown = askedBy.findIndex((stakeholderId) => !found.has(stakeholderId));
    if (unknown >= 0) throw invalidField(`askedBy.${unknown}`, 'is not a known stakeholder');
  }

  /** One entry for each person the pilot is about (before and after), so it shows in each one's history; one entry when it is about nobody. */
  private async recordPilot(
    actor: Actor,
    manager: EntityManager,
    action: string,
    pilot: Pilot,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    before?: Pilot,
  ): Promise<void> {
    const people = [...new Set([...peopleOf(pilot), ...(before ? peopleOf(before) : [])])].sort();
    for (const stakeholderId of people.length > 0 ? people : [null]) {
      await this.audit.record(actor, { action, entityType: 'pilot', entityId: pilot.id, stakeholderId, ...changes }, manager);
    }
  }

  /** A result is news for the sponsor and every asker: one entry each, as for the pilot. */
  private async recordProofPoint(
    actor: Actor,
    manager: EntityManager,
    action: string,
    proof: ProofPoint,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
  ): Promise<void> {
    const pilot = await this.pilots.findById(proof.pilotId, manager);
    const people = pilot ? [...new Set(peopleOf(mapPilot(pilot)))].sort() : [];
    for (const stakeholderId of people.length > 0 ? people : [null]) {
      await this.audit.record(actor, { action, entityType: 'pilot_proof_point', entityId: proof.id, stakeholderId, ...changes }, manager);
    }
  }
}
