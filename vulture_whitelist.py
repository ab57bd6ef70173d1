"""Names vulture cannot see used, reviewed one by one (`make lint` runs vulture with this file).

Discord protocol constants and payload fields the stand-in models for completeness; discord.py hooks and typer
commands called by their frameworks; pydantic validators and config; dataclass fields read by `asdict`/`getattr`;
`database_url` is declared for the storage issue; context-manager `__exit__` arguments.
"""

# ruff: noqa
API_VERSION
INVALID_SEQ
SESSION_TIMED_OUT
MAX_APPLICATION_COMMANDS
UNAUTHORIZED
GUILD_MESSAGE_REACTIONS
KICK_MEMBERS
BAN_MEMBERS
MANAGE_CHANNELS
VIEW_AUDIT_LOG
MANAGE_ROLES
MANAGE_WEBHOOKS
MANAGE_THREADS
MODERATE_MEMBERS
CATEGORY
PONG
ATTACHMENT
SECTION
CONTAINER
CONTEXT_MENU_COMMAND
exc_type
tb
presence
_.presence
image
thumbnail
min_length
min_value
max_value
nsfw
interactions_created
messages_created
_.setup_hook
_.on_ready
on_message
on_interaction
_.on_message
similar_artist
model_config
database_url
_._source_url
_._http_url
FeatureName
danceability
valence
acousticness
instrumentalness
speechiness
liveness
loudness
num_threads
_.before_identify_hook
pytestmark
_.binary_location
_.on_submit
_.cog_load  # discord.py cog hooks and slash-command callbacks (registered by decorator)
_.cog_unload
_.set_
_.lastfm_unlink
announce
double
huge
cover
_.application_info
_._values
GROUP
SUBCOMMAND
p50_ms
p99_ms
cpu_p50_ms
recall
blend_recall
wall_s
cpu_s
index_bytes
extra_bytes
here_wait
_.here_wait
down_revision  # alembic reads these module-level names of each migration
branch_labels
depends_on
downgrade
_pragmas  # a SQLAlchemy "connect" event listener
taste  # the /taste slash-command callback (discord.py calls it)
metavar  # read by typer's help renderer (cli/failing.py blanks it for flags)
restart  # `segue ctl restart` (a typer command)
memory_available_mb  # SystemFigures field read through asdict (ctl status, /status)
__getattr__  # module-level PEP 562 hooks: segue, segue.catalog and segue.engine load their names on first use
