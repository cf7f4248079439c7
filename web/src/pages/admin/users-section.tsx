import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../../../src/access/index.js';
import { adminApi, type AdminStudy, type UserAccount } from '../../api/admin.js';
import { FormActions } from '../../components/form-actions.js';
import { Loaded } from '../../components/loaded.js';
import { TextField } from '../../components/text-field.js';
import { unplacedError } from '../../unplaced-error.js';
import { useLoad } from '../../use-load.js';
import { useAction } from './use-action.js';

const scopeText = (r: UserAccount['roles'][number]) => `${r.role} · ${r.studyId ?? 'every study'} · ${r.siteId ?? 'every site'}`;

/** Accounts: who they are, their roles per study and site, and the forms that change them. */
export function UsersSection({ studies }: { studies: readonly AdminStudy[] }) {
  const [users, reload] = useLoad(() => adminApi.users(), 'admin/users');
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <Loaded state={users} what="the users">
        {(list) => (
          <>
            <table className="data" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Account</th>
                  <th scope="col">Roles</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>{u.email ?? '—'}</td>
                    <td>{u.disabled ? 'disabled' : u.mustChangePassword ? 'active, must change password' : 'active'}</td>
                    <td>{u.roles.length ? u.roles.map(scopeText).join('; ') : 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AddUserForm onDone={reload} />
            {list.length ? <ManageUserForm users={list} studies={studies} onDone={reload} /> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function AddUserForm({ onDone }: { onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      () => adminApi.addUser({ username, displayName, email }).finally(onDone),
      (r) => `User ${r.user.username} added. First password (shown once; they change it at first sign-in): ${r.password}`,
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-user-title">
      <h3 id="add-user-title">Add a user</h3>
      <div className="row">
        <TextField id="u-username" label="Username" required value={username} onChange={setUsername} error={a.at('username')} />
        <TextField id="u-name" label="Display name" required value={displayName} onChange={setDisplayName} error={a.at('displayName')} />
        <TextField id="u-email" label="E-mail" type="email" required value={email} onChange={setEmail} error={a.at('email')} />
      </div>
      <FormActions error={unplacedError(a.error, ['username', 'displayName', 'email'])} status={a.status} submit="Add user" />
    </form>
  );
}

/** Grant or revoke a role in a study (or every study) at a site (or every site), disable, reset the password. */
function ManageUserForm({ users, studies, onDone }: { users: readonly UserAccount[]; studies: readonly AdminStudy[]; onDone: () => void }) {
  const [username, setUsername] = useState(users[0]?.username ?? '');
  const [role, setRole] = useState<Role>('coordinator');
  const [studyId, setStudyId] = useState(studies[0]?.id ?? '');
  const [siteId, setSiteId] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction();
  const change = { role, ...(studyId ? { studyId } : {}), ...(siteId.trim() ? { siteId: siteId.trim() } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) };
  const where = `${studyId || 'every study'}, ${siteId.trim() || 'every site'}`;
  const act = <T,>(request: () => Promise<T>, done: string) =>
    a.run(
      () => request().finally(onDone),
      () => done,
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act(() => adminApi.grant(username, change), `${username} is now ${role} in ${where}.`);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="manage-user-title">
      <h3 id="manage-user-title">Roles and account</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="m-user">User</label>
          <select id="m-user" value={username} onChange={(e) => setUsername(e.target.value)}>
            {users.map((u) => (
              <option key={u.id} value={u.username}>
                {u.username}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-role">Role</label>
          <select id="m-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-study">Study</label>
          <select id="m-study" value={studyId} onChange={(e) => setStudyId(e.target.value)}>
            <option value="">every study (administrator only)</option>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </div>
        <TextField id="m-site" label="Site id (empty: every site)" value={siteId} onChange={setSiteId} error={a.at('siteId')} />
        <TextField id="m-reason" label="Reason (to revoke or disable)" grow value={reason} onChange={setReason} error={a.at('reason')} />
      </div>
      <FormActions error={unplacedError(a.error, ['siteId', 'reason'])} status={a.status} submit="Grant role" />
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => act(() => adminApi.revoke(username, change), `${username} is no longer ${role} in ${where}.`)}>
          Revoke role
        </button>
        <button type="button" className="secondary" onClick={() => act(() => adminApi.disable(username, reason), `${username} is disabled; their sessions and tokens no longer work.`)}>
          Disable user
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            a.run(
              () => adminApi.resetPassword(username).finally(onDone),
              (r) => `New password for ${username} (shown once; to be changed at next sign-in): ${r.password}`,
            )
          }
        >
          Reset password
        </button>
      </div>
    </form>
  );
}
