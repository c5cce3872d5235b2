"""Open conflicts, each with two of its claims side by side; decide or jump to a claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from claimtrack.tui.desk import ConflictSide, ConflictView, Desk, published
from claimtrack.tui.screens.note import NoteScreen
from claimtrack.tui.text import format_value, notify_failure, plain, printable, status_text
from claimtrack.tui.widgets.claim_detail import sentence_text


def side_text(side: ConflictSide | None, label: str) -> Text:
    out = Text()
    out.append(f"{label}\n", style="bold")
    if side is None:
        return out
    claim, doc = side.claim, side.document
    out.append_text(plain(doc.title or doc.path or f"document {doc.id}", "italic"))
    out.append(f"\n{published(doc)}  document #{doc.id}  claim #{claim.id}  ", style="dim")
    out.append_text(status_text(claim.status))
    out.append("\n\n")
    out.append_text(sentence_text(claim.text, claim.span, claim.kind))
    value = format_value(claim.value, claim.value_max, claim.unit)
    out.append("\n\n")
    out.append("value ", style="dim")
    out.append(value or printable(claim.span))
    if claim.date:
        out.append(f"   date {claim.date}", style="dim")
    if claim.speaker:
        out.append("   speaker ", style="dim")
        out.append_text(plain(claim.speaker))
    return out


def diff_text(view: ConflictView, other: int = 1) -> Text:
    out = Text()
    out.append_text(plain(view.conflict.explanation, "bold"))
    if len(view.sides) > 2:
        out.append(
            f"\n{len(view.sides)} claims in this conflict; [ and ] show the others on the right",
            style="dim",
        )
    if view.conflict.kind.startswith("quote") and len(view.sides) > other:
        from claimtrack.check import word_diff

        out.append("\nwording: ", style="dim")
        out.append_text(plain(word_diff(view.sides[0].claim.span, view.sides[other].claim.span)))
    return out


class ConflictsScreen(Screen[int | None]):
    """Dismisses with a claim id to jump to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "decide('confirmed')", "Confirm", id="conflicts.confirm"),
        Binding("x", "decide('dismissed')", "Dismiss", id="conflicts.dismiss"),
        Binding("1", "jump(0)", "Go to left claim", id="conflicts.left"),
        Binding("2", "jump(1)", "Go to right claim", id="conflicts.right"),
        Binding("right_square_bracket", "other(1)", "Next claim in group", id="conflicts.next"),
        Binding("left_square_bracket", "other(-1)", "Previous claim in group", id="conflicts.prev"),
        Binding("escape,c", "back", "Back to claims", id="conflicts.back"),
    ]

    @dataclass
    class Loaded(Message):
        views: list[ConflictView]

    @dataclass
    class Decided(Message):
        conflict_id: int
        state: str

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.views: list[ConflictView] = []
        self.other = 1  # which member of the group is shown on the right

    def compose(self) -> ComposeResult:
        yield Static(Text("Open conflicts", style="bold"), id="conflicts-title")
        yield OptionList(id="conflict-list")
        with Horizontal(id="conflict-sides"):
            yield VerticalScroll(Static(id="side-a"), classes="side")
            yield VerticalScroll(Static(id="side-b"), classes="side")
        yield Static(id="conflict-explanation")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#conflict-list", OptionList).focus()
        self.load()

    @work(thread=True, exclusive=True, group="conflicts", exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.desk.open_conflicts()))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.views = event.views
        options = self.query_one("#conflict-list", OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        options.add_options(
            [
                Option(
                    Text(f"#{v.conflict.id} {v.conflict.kind}  ") + plain(v.conflict.explanation)
                )
                for v in self.views
            ]
        )
        title = Text()
        title.append(f"Open conflicts: {len(self.views)}", style="bold")
        title.append("   y confirm · x dismiss · 1/2 go to a claim · esc back", style="dim")
        self.query_one("#conflicts-title", Static).update(title)
        if self.views:
            options.highlighted = min(highlighted, len(self.views) - 1)
        self._show(self.current)

    @property
    def current(self) -> ConflictView | None:
        index = self.query_one("#conflict-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.views):
            return None
        return self.views[index]

    @on(OptionList.OptionHighlighted, "#conflict-list")
    def highlighted(self) -> None:
        self.other = 1
        self._show(self.current)

    def action_other(self, step: int) -> None:
        view = self.current
        if view is not None and len(view.sides) > 2:
            self.other = (self.other - 1 + step) % (len(view.sides) - 1) + 1
            self._show(view)

    def _show(self, view: ConflictView | None) -> None:
        sides = view.sides if view else []
        first = sides[0] if sides else None
        second = sides[self.other] if len(sides) > self.other else None
        self.query_one("#side-a", Static).update(side_text(first, "1 ·"))
        label = f"2 · claim {self.other + 1} of {len(sides)}" if len(sides) > 2 else "2 ·"
        self.query_one("#side-b", Static).update(side_text(second, label))
        explanation = (
            diff_text(view, self.other) if view else Text("No open conflicts.", style="dim")
        )
        self.query_one("#conflict-explanation", Static).update(explanation)

    def action_decide(self, state: str) -> None:
        view = self.current
        if view is None or view.conflict.id is None:
            return
        conflict_id = view.conflict.id

        def save(note: str | None) -> None:
            if note is not None:
                self.decide(conflict_id, state, note or None)

        verb = "Confirm" if state == "confirmed" else "Dismiss"
        self.app.push_screen(
            NoteScreen(f"{verb} conflict #{conflict_id}: note (optional)", allow_empty=True), save
        )

    @work(thread=True, group="write", exit_on_error=False)
    def decide(self, conflict_id: int, state: str, note: str | None) -> None:
        try:
            self.desk.decide_conflict(conflict_id, state, note)
        except Exception as exc:
            reason = printable(str(exc).splitlines()[0]) if str(exc) else type(exc).__name__
            self.app.call_from_thread(
                self.notify,
                f"Could not record the decision: {reason}",
                severity="error",
                markup=False,
            )
            return
        self.post_message(self.Decided(conflict_id, state))

    @on(Decided)
    def decided(self, event: Decided) -> None:
        self.notify(f"Conflict #{event.conflict_id} {event.state}.", markup=False)
        self.load()

    def action_jump(self, side: int) -> None:
        view = self.current
        index = self.other if side else 0
        if view is not None and index < len(view.sides):
            self.dismiss(view.sides[index].claim.id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        notify_failure(self, event)

    def action_back(self) -> None:
        self.dismiss(None)
