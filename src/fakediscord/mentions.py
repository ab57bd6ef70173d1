"""Who a message would ping, computed like Discord: mentions in the content, filtered by `allowed_mentions`.

Rules (Discord API docs, "Allowed Mentions Object"):
- without `allowed_mentions`, every user, role and @everyone/@here in the content is parsed;
- with it, only the kinds in `parse` and the ids in `users`/`roles` (ids must also appear in the content);
- @everyone/@here only ping when the author may MENTION_EVERYONE; a role pings when it is mentionable or the author
  may MENTION_EVERYONE; a reply pings the replied-to author unless `replied_user` is false (default false when
  `allowed_mentions` is given); ephemeral messages notify nobody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fakediscord.constants import Permission
from fakediscord.models import Channel, Guild
from fakediscord.records import Pings

USER_MENTION = re.compile(r"<@!?(\d{15,21})>")
ROLE_MENTION = re.compile(r"<@&(\d{15,21})>")


def mentioned_user_ids(content: str) -> list[int]:
    return list(dict.fromkeys(int(m) for m in USER_MENTION.findall(content)))


def mentioned_role_ids(content: str) -> list[int]:
    return list(dict.fromkeys(int(m) for m in ROLE_MENTION.findall(content)))


def compute_pings(
    content: str,
    allowed: Mapping[str, Any] | None,
    *,
    guild: Guild | None,
    channel: Channel,
    author_id: int,
    replied_user_id: int | None = None,
    ephemeral: bool = False,
) -> Pings:
    if ephemeral:
        return Pings()
    if allowed is None:
        parse = {"users", "roles", "everyone"}
        allowed_users: set[int] = set()
        allowed_roles: set[int] = set()
        replied = True
    else:
        parse = set(allowed.get("parse") or ())
        allowed_users = {int(x) for x in allowed.get("users") or ()}
        allowed_roles = {int(x) for x in allowed.get("roles") or ()}
        replied = bool(allowed.get("replied_user", False))
    may_mass_mention = False
    if guild is not None:
        may_mass_mention = bool(guild.permissions_in(channel, author_id) & Permission.MENTION_EVERYONE)

    users = {uid for uid in mentioned_user_ids(content) if "users" in parse or uid in allowed_users}
    if replied and replied_user_id is not None:
        users.add(replied_user_id)
    users.discard(author_id)
    roles: set[int] = set()
    if guild is not None:
        for rid in mentioned_role_ids(content):
            role = guild.roles.get(rid)
            if role is None or not ("roles" in parse or rid in allowed_roles):
                continue
            if role.mentionable or may_mass_mention:
                roles.add(rid)
    mass = guild is not None and "everyone" in parse and may_mass_mention
    return Pings(
        users=frozenset(users),
        roles=frozenset(roles),
        everyone=mass and "@everyone" in content,
        here=mass and "@here" in content,
    )
