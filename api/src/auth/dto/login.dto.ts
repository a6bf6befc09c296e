import { LIMITS } from '@soundings/shared';
import type { LoginRequest } from '@soundings/shared';
import { IsString, MaxLength } from 'class-validator';
import { RequiredText, SecretText } from '../../common/validation';

export class LoginDto implements LoginRequest {
  @IsString()
  @MaxLength(LIMITS.email)
  email: string;

  @SecretText(1000)
  password: string;
}

export class CreateApiTokenDto {
  /** What the token is for, e.g. "weekly export script". */
  @RequiredText(LIMITS.shortText)
  name: string;
}
