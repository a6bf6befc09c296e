import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_RULES, USER_ROLES } from '@soundings/shared';
import type { CreateFirstAdminRequest, CreateUserRequest, UpdateOwnAccountRequest, UpdateUserRequest, UserRole } from '@soundings/shared';
import { IsBoolean, IsIn } from 'class-validator';
import { Email, Optional, OptionalPersonName, RecordVersion, SecretText } from '../../common/validation';

// Checked by the account service (passwords.ts), not by a decorator; the document should still say so.
const passwordLength = { minLength: PASSWORD_RULES.minLength, maxLength: PASSWORD_RULES.maxLength };
const roleMessage = { message: `must be one of ${USER_ROLES.join(', ')}` };

export class CreateFirstAdminDto implements CreateFirstAdminRequest {
  @Email({ lowerCase: true })
  email: string;

  /** At least 15 characters; any characters; not a commonly used password. */
  @ApiProperty(passwordLength)
  @SecretText(1000)
  password: string;

  @OptionalPersonName()
  displayName?: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @Email({ lowerCase: true })
  email: string;

  /** Leave out for accounts that sign in only through single sign-on. */
  @ApiProperty({ ...passwordLength, required: false })
  @Optional()
  @SecretText(1000)
  password?: string;

  @OptionalPersonName()
  displayName?: string | null;

  @IsIn(USER_ROLES, roleMessage)
  role: UserRole;
}

export class UpdateUserDto implements UpdateUserRequest {
  @OptionalPersonName()
  displayName?: string | null;

  @Optional()
  @IsIn(USER_ROLES, roleMessage)
  role?: UserRole;

  /** false deactivates the account: its sessions and tokens stop working at once. */
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  /** The version you loaded; a stale one gets 409 with the current account. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class UpdateOwnAccountDto implements UpdateOwnAccountRequest {
  /** How the app names you: the account menu, printed briefs. Blank or null clears it (your email shows instead); left out keeps it. */
  @OptionalPersonName()
  displayName?: string | null;

  /** The version of your account you loaded; a stale one gets 409 with the current account. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
