import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_RULES, USER_ROLES } from '@soundings/shared';
import type { CreateFirstAdminRequest, CreateUserRequest, UpdateUserRequest, UserRole } from '@soundings/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsPresentOrAbsent, OptionalText } from '../../common/validation';

// Checked by the account service (passwords.ts), not by a decorator; the document should still say so.
const passwordLength = { minLength: PASSWORD_RULES.minLength, maxLength: PASSWORD_RULES.maxLength };
const roleMessage = { message: `must be one of ${USER_ROLES.join(', ')}` };
const trimmedLowercase = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export class CreateFirstAdminDto implements CreateFirstAdminRequest {
  @trimmedLowercase
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  /** At least 15 characters; any characters; not a commonly used password. */
  @ApiProperty(passwordLength)
  @IsString()
  @MaxLength(1000)
  password: string;

  @OptionalText(200)
  displayName?: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @trimmedLowercase
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  /** Leave out for accounts that sign in only through single sign-on. */
  @ApiProperty({ ...passwordLength, required: false })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string;

  @OptionalText(200)
  displayName?: string | null;

  @IsIn(USER_ROLES, roleMessage)
  role: UserRole;
}

export class UpdateUserDto implements UpdateUserRequest {
  @OptionalText(200)
  displayName?: string | null;

  @IsPresentOrAbsent()
  @IsIn(USER_ROLES, roleMessage)
  role?: UserRole;

  /** false deactivates the account: its sessions and tokens stop working at once. */
  @IsPresentOrAbsent()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @IsOptional()
  @IsInt({ message: 'must be the record version you loaded (a whole number)' })
  @Min(1)
  version?: number;
}
