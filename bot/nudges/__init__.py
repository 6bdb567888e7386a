"""Nudges: the bot asks référents for updates before the Bureau needs them.

`plan` decides, from a snapshot of the database and a clock, who gets what (pure, no Slack, no database);
`snapshot` reads that snapshot; `send` claims each nudge in the database, sends it through a `Messenger` (the
Slack skin gives one) and records it; `blocks` builds the messages; `actions` are the buttons of the DM and of
the App Home (Rien de nouveau, Mettre à jour, snooze, opt out). The clock process lives in the Slack skin
(`bot.slack.clock`); the CLI (`srom nudges`) previews and runs.
"""
