"""The claimtrack app: screens, the keys that act on a claim, and the one factory."""

from __future__ import annotations

import gc
import time
from typing import ClassVar, Protocol, runtime_checkable

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen

from claimtrack.tui.commands import BindingCommands
from claimtrack.tui.desk import Desk
from claimtrack.tui.screens.export import ExportRequest, ExportScreen
from claimtrack.tui.screens.help import HelpScreen, key_rows
from claimtrack.tui.screens.main import MainScreen
from claimtrack.tui.screens.note import NoteScreen
from claimtrack.tui.screens.source import SourceForm, SourceScreen
from claimtrack.tui.text import printable

IDLE_SECONDS = 1.0
HELD_FULL_COLLECTIONS = 1_000  # gen-1 collections before a full one runs regardless

STATUS_KEYS = (
    ("v", "verified", "Verified"),
    ("f", "false", "False"),
    ("m", "misleading", "Misleading"),
    ("u", "unsupported", "Unsupported"),
    ("p", "in_progress", "In progress"),
    ("r", "unverified", "Back to unverified"),
)


@runtime_checkable
class ClaimScreen(Protocol):
    """A screen with a claim under the cursor, told when a write to a claim went through."""

    def current_claim_id(self) -> int | None: ...

    def claim_changed(self, claim_id: int, status: str | None) -> None: ...


@runtime_checkable
class StatusShower(Protocol):
    """A screen that shows a status key's effect before the write is through."""

    def status_pending(self, claim_id: int, status: str) -> None: ...

    def status_failed(self, claim_id: int) -> None: ...

    def status_written(self, claim_id: int, old: str, new: str) -> None: ...


class ClaimtrackApp(App[None]):
    TITLE = "claimtrack"
    CSS_PATH = "claimtrack.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared as a plain attribute by App)
        (0, "-narrow"),
        (150, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(key, f"mark('{status}')", label, id=f"claim.{status}")
            for key, status, label in STATUS_KEYS
        ],
        Binding("n", "note", "Note", id="claim.note"),
        Binding("s", "source", "Source", id="claim.source"),
        Binding("question_mark", "keys", "Keys", id="app.keys"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self._last_key = 0.0
        self._gc_threshold = gc.get_threshold()

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.desk))
        self._hold_full_collections()

    # Python's full garbage collections walk every object the process holds (widgets, styles,
    # caches): 60-110 ms each with 100k claims behind the table, measured as a stalled key
    # every few seconds of scrolling (bench/tui_scale.py). They are held back while keys come
    # and run once the checker pauses; young objects are collected as usual meanwhile.

    def _hold_full_collections(self) -> None:
        self._gc_threshold = gc.get_threshold()
        young, middle, _ = self._gc_threshold
        gc.set_threshold(young, middle, HELD_FULL_COLLECTIONS)
        self.set_interval(IDLE_SECONDS, self._collect_when_idle, name="gc")

    def _collect_when_idle(self) -> None:
        waiting = gc.get_count()[2]
        if waiting >= self._gc_threshold[2] and time.monotonic() - self._last_key > IDLE_SECONDS:
            gc.collect()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._gc_threshold)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()
        await super().on_event(event)

    def _claim_screen(self) -> ClaimScreen | None:
        # The command palette is a screen of its own; its actions target the screen below it.
        screens = [s for s in self.screen_stack if not isinstance(s, CommandPalette)]
        screen = screens[-1] if screens else None
        return screen if isinstance(screen, ClaimScreen) else None

    def _current_claim(self) -> int | None:
        screen = self._claim_screen()
        return screen.current_claim_id() if screen else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "note", "source"):
            return self._claim_screen() is not None
        # q in a dialog is a letter or a slip, not "throw my work away".
        return not (action == "quit" and isinstance(self.screen, ModalScreen))

    # Claim actions -----------------------------------------------------------------------

    def action_mark(self, status: str) -> None:
        claim_id = self._current_claim()
        if claim_id is None:
            return
        # The row shows the new status on the key (marked as being written); the write, its
        # history row, the counts and the detail pane follow from the worker.
        for screen in self._status_showers():
            screen.status_pending(claim_id, status)
        self.write_status(claim_id, status)

    def _status_showers(self) -> list[StatusShower]:
        return [s for s in self.screen_stack if isinstance(s, StatusShower)]

    def action_note(self) -> None:
        claim_id = self._current_claim()
        if claim_id is None:
            return

        def save(note: str | None) -> None:
            if note:
                self.write_note(claim_id, note)

        self.push_screen(NoteScreen(f"Note on claim #{claim_id}"), save)

    def action_source(self) -> None:
        claim_id = self._current_claim()
        if claim_id is None:
            return

        def save(form: SourceForm | None) -> None:
            if form is not None:
                self.write_source(claim_id, form)

        self.push_screen(SourceScreen(), save)

    def action_export(self) -> None:
        def run(request: ExportRequest | None) -> None:
            if request is not None:
                self.write_export(request)

        self.push_screen(ExportScreen(), run)

    def action_keys(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            rows = key_rows(self.screen) + list(getattr(self.screen, "HELP_ROWS", ()))
            notes = getattr(self.screen, "HELP_NOTES", ())
            self.push_screen(HelpScreen(rows, notes))

    # Writes (in workers; each is one transaction, recorded with the checker's name) --------

    @work(thread=True, group="write", exit_on_error=False)
    def write_status(self, claim_id: int, status: str) -> None:
        try:
            old, new = self.desk.set_status(claim_id, status)
        except Exception as exc:
            self.call_from_thread(self._status_failed, claim_id)
            return self._failed(f"Could not mark claim #{claim_id}", exc)
        self.call_from_thread(self._status_written, claim_id, old, new)

    @work(thread=True, group="write", exit_on_error=False)
    def write_note(self, claim_id: int, note: str) -> None:
        try:
            self.desk.add_note(claim_id, note)
        except Exception as exc:
            return self._failed(f"Could not add the note to claim #{claim_id}", exc)
        self.call_from_thread(self._changed, claim_id, None)

    @work(thread=True, group="write", exit_on_error=False)
    def write_source(self, claim_id: int, form: SourceForm) -> None:
        try:
            self.desk.add_source(claim_id, form.url, form.title, form.note)
        except Exception as exc:
            return self._failed(f"Could not add the source to claim #{claim_id}", exc)
        self.call_from_thread(self._changed, claim_id, None)

    @work(thread=True, group="write", exit_on_error=False)
    def write_export(self, request: ExportRequest) -> None:
        try:
            count = self.desk.export(request.path, request.fmt, request.statuses)
        except Exception as exc:
            return self._failed(f"Could not export to {request.path}", exc)
        self.call_from_thread(
            self.notify, f"Exported {count} claims to {request.path}", markup=False
        )

    def _failed(self, what: str, exc: BaseException) -> None:
        reason = printable(str(exc).splitlines()[0]) if str(exc) else type(exc).__name__
        self.call_from_thread(self.notify, f"{what}: {reason}", severity="error", markup=False)

    def _status_failed(self, claim_id: int) -> None:
        for screen in self._status_showers():
            screen.status_failed(claim_id)

    def _status_written(self, claim_id: int, old: str, new: str) -> None:
        for shower in self._status_showers():
            shower.status_written(claim_id, old, new)
        for screen in self.screen_stack:
            if isinstance(screen, ClaimScreen) and not isinstance(screen, StatusShower):
                screen.claim_changed(claim_id, new)

    def _changed(self, claim_id: int, status: str | None) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ClaimScreen):
                screen.claim_changed(claim_id, status)


def create_app(db: str | None, user: str) -> ClaimtrackApp:
    """The one factory: the CLI and the tests build the app here."""
    return ClaimtrackApp(Desk(db, user))
