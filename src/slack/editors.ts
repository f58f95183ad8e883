/**
 * Who may record and edit known issues (KBBOT_EDITORS): user ids (U…, W…) and user groups (S…), checked on
 * the server for every open and every submission. Empty: everyone in the workspace. A group's members are
 * read with usergroups.users.list and kept for a minute; a failed read refuses (and says why in the log).
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.js';

const GROUP_TTL_MS = 60_000;

export class EditorPolicy {
  private readonly users: Set<string>;
  private readonly groups: string[];
  private readonly members = new Map<string, { users: Set<string>; at: number }>();

  constructor(
    editors: readonly string[],
    private readonly logger?: Logger,
  ) {
    this.users = new Set(editors.filter((e) => !e.startsWith('S')));
    this.groups = editors.filter((e) => e.startsWith('S'));
  }

  get everyone(): boolean {
    return this.users.size === 0 && this.groups.length === 0;
  }

  async allows(client: webApi.WebClient, user: string): Promise<boolean> {
    if (this.everyone || this.users.has(user)) return true;
    for (const group of this.groups) {
      const cached = this.members.get(group);
      let users = cached && Date.now() - cached.at < GROUP_TTL_MS ? cached.users : undefined;
      if (!users) {
        try {
          const result = await client.usergroups.users.list({ usergroup: group });
          users = new Set(result.users ?? []);
          this.members.set(group, { users, at: Date.now() });
        } catch (error) {
          this.logger?.warn('cannot read editor group; refusing', { group, err: error });
          continue;
        }
      }
      if (users.has(user)) return true;
    }
    return false;
  }
}
