"""The Slack skin: the Bolt app, its HTTP (gunicorn) and Socket Mode serving, middleware and Web API client.

Listeners live beside it in `bot.handlers`."""
