"""Verification of the mode matrix by the people who hold it: référents attest or correct a cell's mode from
Slack or the console, anyone asks the référents or flags an error, and every worker answers with the correction
at its next question. Storage is reached through the Invocation's database; Block Kit is pure."""
