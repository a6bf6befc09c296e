import type { LoginRequest } from '@soundings/shared';
import { IsString, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation';

export class LoginDto implements LoginRequest {
  @IsString()
  @MaxLength(320)
  email: string;

  @IsString()
  @MaxLength(1000)
  password: string;
}

export class CreateApiTokenDto {
  /** What the token is for, e.g. "weekly export script". */
  @RequiredText(200)
  name: string;
}
