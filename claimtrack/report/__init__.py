"""Reports of the desk's work: Markdown (default), schema.org ClaimReview JSON-LD, JSON and CSV.

``write_report`` is the one entry point; the CLI's ``export`` command and the TUI's export key
both call it. It only reads the database.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TextIO

from sqlmodel import Session

from claimtrack.report.claimreview import base_url_or_env, check_verdicts, write_claimreview
from claimtrack.report.csv_report import write_csv
from claimtrack.report.data import gather, parse_statuses
from claimtrack.report.json_report import write_json
from claimtrack.report.markdown import write_markdown
from claimtrack.store.errors import InvalidInput

FORMATS = ("markdown", "claimreview", "json", "csv")
ENV_ORG = "CLAIMTRACK_ORG"

__all__ = ["ENV_ORG", "FORMATS", "write_report"]


def write_report(
    session: Session,
    out: TextIO,
    *,
    fmt: str = "markdown",
    statuses: Sequence[str] = ("verified",),
    org: str | None = None,
    generated_at: dt.datetime | None = None,
    base_url: str | None = None,
) -> int:
    """Write the report of the claims with one of statuses to out; return how many claims.

    org defaults to env CLAIMTRACK_ORG, base_url (ClaimReview ``url``) to env
    CLAIMTRACK_REVIEW_BASE_URL. Raises InvalidInput naming a bad format, status or base URL
    before anything is written.
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"format {fmt!r}: not one of {', '.join(FORMATS)}")
    wanted = parse_statuses(statuses)
    if fmt == "claimreview":
        check_verdicts(wanted)
        base_url = base_url_or_env(base_url)
    if org is None:
        org = os.environ.get(ENV_ORG)
    org = org.strip() if org and org.strip() else None
    data = gather(session, wanted, org=org, generated_at=generated_at or dt.datetime.now(dt.UTC))
    if fmt == "markdown":
        return write_markdown(data, out)
    if fmt == "claimreview":
        return write_claimreview(data, out, base_url=base_url)
    if fmt == "json":
        return write_json(session, data, out)
    return write_csv(data, out)
