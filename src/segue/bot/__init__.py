"""The Discord bot: the only package that imports discord.

`runner.run_bot(settings)` is the entry (`segue run` with a token); `client.SegueBot` receives the service, state
and limiter in `deps.BotDeps`. Cogs (`cogs/`) and persistent buttons (`views.py`, `buttons.py`) are glue over
`answers.Answers`; everything shown goes through `render.py`; every error goes through `failures.Failures`.
"""
