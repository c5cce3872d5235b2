"""The command palette offers the same actions as the keys: it reads the screen's bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from claimtrack.tui.screens.help import key_rows


class BindingCommands(Provider):
    """One command per key binding active on the screen the palette was opened from."""

    def _commands(self) -> Iterator[tuple[str, str, object]]:
        keys = dict((description, k) for k, description in key_rows(self.screen))
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            name = binding.description
            if not name or not binding.id or name in seen:
                continue
            seen.add(name)
            yield name, keys.get(name, ""), partial(self._run, binding.action, active.node)

    async def _run(self, action: str, node: object) -> None:
        await self.app.run_action(action, node)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for name, keys, callback in self._commands():
            yield DiscoveryHit(name, callback, help=f"key: {keys}")  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=f"key: {keys}")  # type: ignore[arg-type]
