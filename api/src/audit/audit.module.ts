import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AUDIT_KEY, AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every domain module records its writes here. */
@Global()
@Module({})
export class AuditModule {
  /** `key`: the HMAC key the chain is written and verified with (see audit-key.ts). */
  static withKey(key: Buffer): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController],
      providers: [AuditService, AuditRepository, { provide: AUDIT_KEY, useValue: key }],
      exports: [AuditService],
    };
  }
}
