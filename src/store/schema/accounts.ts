import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Role, RoleAssignment } from '../../access/index.js';
import { instant } from './columns.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  display_name: text('display_name').notNull(),
  password_hash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  created_at: instant('created_at').notNull().defaultNow(),
  email: text('email'),
  must_change_password: boolean('must_change_password').notNull().default(false),
});

export const roleAssignments = pgTable('role_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  user_id: uuid('user_id').notNull(),
  study_id: text('study_id'),
  site_id: text('site_id'),
  role: text('role').$type<Role>().notNull(),
});

export const sessions = pgTable('sessions', {
  token_hash: text('token_hash').primaryKey(),
  user_id: uuid('user_id').notNull(),
  created_at: instant('created_at').notNull().defaultNow(),
  expires_at: instant('expires_at').notNull(),
  id: uuid('id').notNull().defaultRandom(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  user_id: uuid('user_id').notNull(),
  name: text('name').notNull(),
  token_hash: text('token_hash').notNull(),
  created_at: instant('created_at').notNull().defaultNow(),
  revoked_at: instant('revoked_at'),
  expires_at: instant('expires_at').notNull(),
  read_only: boolean('read_only').notNull().default(false),
  /** The subset of its user's roles the token acts with; null: all of them. */
  scope: jsonb('scope').$type<RoleAssignment[]>(),
});

/** Failed sign-ins counted per account and per address, for the delay and lockout. */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  last_failure_at: instant('last_failure_at').notNull(),
});
