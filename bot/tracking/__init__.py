"""Commitment tracking in the bot: `/srom-engagement`, `/srom-admin`, `/srom-rapport`, the update modal and the
App Home list. Parsing and Block Kit are pure; storage is reached through the Invocation's database."""
