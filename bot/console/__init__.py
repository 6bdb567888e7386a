"""The console skin: the same conversation as in Slack, in a terminal."""
