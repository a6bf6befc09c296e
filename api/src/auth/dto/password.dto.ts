import type { ChangePasswordRequest, ResetPasswordRequest } from '@soundings/shared';
import { IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto implements ChangePasswordRequest {
  /** The password you sign in with now; a wrong one counts as a failed sign-in. */
  @IsString()
  @MaxLength(1000)
  currentPassword: string;

  /** At least 15 characters; any characters; not a commonly used password. */
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  /** The token from the reset link an admin handed you. */
  @IsString()
  @MaxLength(200)
  token: string;

  /** At least 15 characters; any characters; not a commonly used password. */
  @IsString()
  @MaxLength(1000)
  newPassword: string;
}
