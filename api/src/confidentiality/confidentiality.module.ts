import { Global, Module } from '@nestjs/common';
import { ConfidentialityPolicy } from './confidentiality.policy';

/** Global: every view that shows notes goes through the one policy. */
@Global()
@Module({ providers: [ConfidentialityPolicy], exports: [ConfidentialityPolicy] })
export class ConfidentialityModule {}
