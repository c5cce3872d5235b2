"""The store: every query claimtrack runs lives here, as functions taking a Session.

The CLI, the TUI, the checker and the reports call these; none of them writes SQL of its own
for documents, claims and history.
"""

from claimtrack.store.claims import (
    ClaimFilter,
    count_by_status,
    get_claim,
    list_claims,
    related_claims,
)
from claimtrack.store.conflicts import get_conflict, list_conflicts, set_conflict_state
from claimtrack.store.documents import (
    DocumentSummary,
    add_document,
    find_by_sha256,
    get_document,
    list_documents,
)
from claimtrack.store.errors import InvalidInput, NotFound
from claimtrack.store.history import add_note, add_source, history, list_sources, set_status

__all__ = [
    "ClaimFilter",
    "DocumentSummary",
    "InvalidInput",
    "NotFound",
    "add_document",
    "add_note",
    "add_source",
    "count_by_status",
    "find_by_sha256",
    "get_claim",
    "get_conflict",
    "get_document",
    "history",
    "list_claims",
    "list_conflicts",
    "list_documents",
    "list_sources",
    "related_claims",
    "set_conflict_state",
    "set_status",
]
