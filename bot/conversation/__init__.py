"""The conversation core: what the bot says (one Reply per question, command or button), for every skin."""
