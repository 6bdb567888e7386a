"""`srom chat`: the bot in a terminal, through the same replies as Slack, its blocks rendered as text.

Type a question as in a direct message, a slash command as in Slack (`/srom …`), or the number of a button.
Interactive (a TTY): line editing and history. Piped: one line in, one answer out, exit 0 at the end.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from bot.console.render import DIM, RESET, Choice, mrkdwn_to_text, render_blocks
from bot.conversation.actions import run_action
from bot.conversation.answers import answer_reply
from bot.conversation.blocks import Surface
from bot.conversation.commands import run_command
from bot.conversation.memory import SessionMemory
from bot.conversation.reply import Invocation, Reply, error_reply
from bot.tracking.report import with_chart
from bot.verification.actions import with_verification
from storage.db import DatabaseProvider

logger = logging.getLogger(__name__)

PROMPT = "srom> "
QUIT_WORDS = {"quit", "exit", "/quit", "/exit", "q"}
CONSOLE_USER = "console"  # the local user's name when the system gives none
BANNER = (
    "Assistant SROM — posez une question (ex. : mode pour la paie en 2017 ?), `/srom aide` pour l'aide,\n"
    "le numéro d'un bouton pour le choisir, Ctrl-D pour quitter."
)
NOTES = {"ephemeral": "(visible de vous seul)", "public": "(publié dans le canal)"}


def local_login() -> str:
    """The login of whoever runs the console (LOGNAME, USER, … as getpass reads them)."""
    try:
        name = getpass.getuser()
    except Exception:  # no login name in a bare container: a plain label rather than a failure
        return CONSOLE_USER
    return "".join(ch for ch in name if ch.isprintable()).strip()[:60] or CONSOLE_USER


class ConsoleSession:
    """One conversation: turns a typed line into the text to print, remembering the last reply's buttons."""

    def __init__(
        self,
        *,
        color: bool = False,
        databases: DatabaseProvider | None = None,
        out_dir: Path | None = None,
        user_id: str | None = None,
    ) -> None:
        self.color = color
        self.databases = databases
        # Commitment tracking acts as `user_id` (SROM_CONSOLE_USER) with that user's roles; unset, as a local admin
        # named after the system's login, so that the report and the audit log say who wrote (never "vous").
        self.user_id = user_id or f"console:{local_login()}"
        self.user_name = user_id or local_login()
        self.acts_as_admin = user_id is None
        self.out_dir = out_dir or Path("out")  # where files (maps, reports) are written
        self.choices: dict[int, tuple[Choice, Surface]] = {}
        # One conversation, as in a Slack thread: "et en 2021 ?" is read against the previous answer.
        self.memory = SessionMemory()

    def handle(self, line: str) -> str | None:
        """The text to print for `line` ('' for nothing); None when the user asked to quit."""
        text = line.strip()
        if not text:
            return ""
        if text.lower() in QUIT_WORDS:
            return None
        try:
            reply, surface = self._reply(text)
        except Exception as exc:
            logger.error("console: %s: %s", type(exc).__name__, exc)
            logger.debug("console failure", exc_info=True)
            reply, surface = error_reply(), "thread"
        return self.render(reply, surface) + self.save_files(reply)

    def _invocation(self, surface: Surface) -> Invocation:
        return Invocation(
            user_id=self.user_id,
            surface=surface,
            databases=self.databases,
            user_name=self.user_name,
            source="console",
            acts_as_admin=self.acts_as_admin,
            memory=self.memory if surface == "thread" else None,
        )

    def _reply(self, text: str) -> tuple[Reply, Surface]:
        if text.isascii() and text.isdigit() and int(text) in self.choices:
            choice, surface = self.choices[int(text)]
            reply = run_action(choice.action_id, choice.value, self._invocation(surface))
            return reply, "thread" if reply.public else surface
        if text.startswith("/"):
            name, _, rest = text.partition(" ")
            return run_command(name, rest, self._invocation("ephemeral")), "ephemeral"
        reply = answer_reply(text, surface="thread", memory=self.memory)
        invocation = self._invocation("thread")
        return with_chart(with_verification(reply, invocation), invocation), "thread"

    def save_files(self, reply: Reply) -> str:
        """Write the reply's files (a map, a report) to the output folder; the lines saying where."""
        lines = []
        for attachment in reply.files:
            path = self.out_dir / attachment.filename
            try:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                path.write_bytes(attachment.content)
                lines.append(f"📎 {attachment.title} : {path}")
            except OSError as exc:
                lines.append(f"⚠️ Impossible d'écrire {path} : {exc.strerror or exc}")
        return "".join("\n" + line for line in lines)

    def render(self, reply: Reply, surface: Surface) -> str:
        blocks = reply.modal.get("blocks", []) if reply.modal else reply.blocks
        rendered = render_blocks(blocks, color=self.color)
        self.choices = {c.number: (c, surface) for c in rendered.choices}
        text = rendered.text or mrkdwn_to_text(reply.text, color=self.color)
        note = NOTES["public"] if reply.public else NOTES.get(surface)
        if note:
            text += "\n" + (f"{DIM}  {note}{RESET}" if self.color else f"  {note}")
        for notice in reply.notices:  # in Slack, a direct message or a thread reply to someone else
            text += f"\n✉️ → {notice.channel} : " + mrkdwn_to_text(notice.text, color=self.color)
        return text


def run_console(*, plain: bool = False, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    from bot.settings import SettingsError, load_settings
    from srom_data.loader import DataError, load_default

    try:
        settings = load_settings()
        settings.export_data_dir()
        load_default()
    except (SettingsError, DataError) as exc:
        print(f"srom chat : {exc}", file=sys.stderr)
        return 2 if isinstance(exc, SettingsError) else 1
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    interactive = not plain and stdin.isatty() and stdout.isatty()
    databases = DatabaseProvider(settings.srom_db_path, migrate_on_open=True)
    from bot.tracking.setup import install_status_provider, prepare_tracking

    prepare_tracking(databases.get(), load_default(), settings.admin_ids)
    install_status_provider(databases)
    from bot.verification.setup import install_corrections, migrate_overrides
    from srom_data.loader import data_dir_from_env

    migrate_overrides(databases.get(), data_dir_from_env())
    install_corrections(databases)
    session = ConsoleSession(
        color=interactive,
        databases=databases,
        out_dir=settings.srom_out_dir,
        user_id=settings.srom_console_user,
    )
    if interactive:
        return _interactive(session, stdout)
    for line in stdin:
        out = session.handle(line)
        if out is None:
            break
        if out:
            stdout.write(out + "\n\n")
            stdout.flush()
    return 0


def _interactive(session: ConsoleSession, stdout: TextIO) -> int:
    from prompt_toolkit import PromptSession

    prompt: PromptSession[str] = PromptSession(history=_history())
    print(BANNER + "\n", file=stdout)
    while True:
        try:
            line = prompt.prompt(PROMPT)
        except KeyboardInterrupt:
            continue
        except EOFError:
            return 0
        out = session.handle(line)
        if out is None:
            return 0
        if out:
            print(out + "\n", file=stdout)


def _history():  # -> prompt_toolkit History
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "srom"
    try:
        state.mkdir(parents=True, exist_ok=True)
        return FileHistory(str(state / "history"))
    except OSError:
        return InMemoryHistory()
