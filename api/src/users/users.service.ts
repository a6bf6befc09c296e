import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { User } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { SessionsRepository } from '../auth/sessions.repository';
import { invalidField, lastAdmin, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateUserDto, UpdateOwnAccountDto, UpdateUserDto } from './dto/user.dto';
import { mapUser } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<User[]> {
    return (await this.users.list()).map(mapUser);
  }

  async create(actor: Actor, input: CreateUserDto): Promise<User> {
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password);
      if (problem) throw invalidField('password', problem);
    }
    if (await this.users.findByEmail(input.email)) throw invalidField('email', 'is already used by another account');
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const id = await this.users.insert(manager, { ...input, passwordHash });
      await this.audit.record(actor, { action: 'user.create', entityType: 'user', entityId: id, after: { role: input.role } }, manager);
      return mapUser((await this.users.findById(id, manager))!);
    });
  }

  /** Role changes and deactivation; a deactivated account's sessions end at once. */
  async update(actor: Actor, id: string, version: number, input: UpdateUserDto): Promise<User> {
    const { version: _version, ...changes } = input;
    const mayRemoveAnAdmin = changes.role !== undefined || changes.active === false;
    return this.dataSource.transaction(async (manager) => {
      if (mayRemoveAnAdmin) await this.users.lockActiveAdminsAnd(manager, id);
      const current = await this.users.findById(id, manager);
      if (!current) throw notFound('User');
      if (!(await this.users.updateIfVersion(manager, id, version, changes))) {
        throw versionConflict(mapUser((await this.users.findById(id, manager))!));
      }
      // Counted after the update and under the admins' row locks, so it sees every concurrent change before it.
      if (mayRemoveAnAdmin && (await this.users.activeAdminCount(manager)) === 0) throw lastAdmin(changes.active === false ? 'active' : 'role');
      if (changes.active === false) await this.sessions.deleteForUser(manager, id);
      const updated = (await this.users.findById(id, manager))!;
      await this.audit.record(
        actor,
        {
          action: changes.role !== undefined && changes.role !== current.role ? 'user.role_change' : 'user.update',
          entityType: 'user',
          entityId: id,
          before: { role: current.role, active: current.active },
          after: { role: updated.role, active: updated.active },
        },
        manager,
      );
      return mapUser(updated);
    });
  }

  /** The signed-in person's own name; their role and whether they are active stay an admin's to change. */
  async updateOwn(actor: Actor, version: number, input: UpdateOwnAccountDto): Promise<User> {
    const id = actor.user.id;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.users.findById(id, manager);
      if (!current) throw notFound('User');
      if (!(await this.users.updateIfVersion(manager, id, version, { displayName: input.displayName }))) {
        throw versionConflict(mapUser((await this.users.findById(id, manager))!));
      }
      const updated = (await this.users.findById(id, manager))!;
      await this.audit.record(
        actor,
        {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          // The name is a personal detail: named as changed, never copied.
          ...auditableChanges({ displayName: current.display_name }, { displayName: updated.display_name }, []),
        },
        manager,
      );
      return mapUser(updated);
    });
  }
}
