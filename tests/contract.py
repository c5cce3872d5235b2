"""The key sets of the command-line contract's JSON shapes (../shared/cli-contract.md)."""

DOC_KEYS = {"id", "title", "source", "url", "path", "published", "sha256", "claims"}
CLAIM_KEYS = {
    "id",
    "document_id",
    "kind",
    "text",
    "span",
    "start",
    "end",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "date",
    "subject",
    "speaker",
    "status",
    "related",
}
HISTORY_KEYS = {"claim_id", "old_status", "new_status", "note", "by", "at"}
CHECK_KEYS = {"id", "kind", "claim_ids", "explanation", "state"}
