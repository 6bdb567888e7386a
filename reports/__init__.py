"""The annual Bureau report: built from storage, rendered as JSON, Markdown, CSV, Word and a chart. No Slack here."""
